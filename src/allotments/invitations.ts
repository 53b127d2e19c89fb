import { mapLimit } from '../concurrency';
import type { Db } from '../db/connect';
import { RESPONSE_CLOSES_AS } from '../domain/allotments/lifecycle';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { closeResponseInLedger } from '../repos/allotments/ledger';
import { lockResponseHead, setResponseExpiry, type ResponseRow } from '../repos/allotments/responses';
import { startLifecycle } from '../temporal/start';
import { responseWorkflowId } from '../../workflows/allotments/response-definitions';

// The invitation lifecycle of a response (`response-<id>`): its start, and the writes its
// workflow makes through the activities. The response's status changes only here.

/** Starts one response's invitation workflow; a repeated start answers the running one. */
export async function startInvitation(
  s: Pick<Services, 'temporal' | 'taskQueue'>,
  r: Pick<ResponseRow, 'id' | 'organizationId' | 'expiresAt'>,
): Promise<void> {
  await startLifecycle(s.temporal, 'responseWorkflow', {
    workflowId: responseWorkflowId(r.id),
    taskQueue: s.taskQueue,
    args: [{ responseId: r.id, expiresAt: r.expiresAt.toISOString() }],
    kind: 'response',
    organizationId: r.organizationId,
    status: 'invited',
    reuse: true,
  });
}

/** Starts each response's invitation workflow (inside the caller's transaction: no orphan rows). */
export async function startInvitations(s: Pick<Services, 'temporal' | 'taskQueue'>, rows: ResponseRow[]): Promise<void> {
  await mapLimit(rows, 16, (r) => startInvitation(s, r));
}

/**
 * One change of a response by its workflow, audited when it happened (a retry or a reset changes
 * nothing). The entry names `actor`, the user who asked (`user:<id>`), or the workflow itself
 * when nobody did (an expiry; updates sent before the actor was carried), with the response's
 * organization and what it was before.
 */
async function changeResponse(
  s: Pick<Services, 'sql'>,
  responseId: string,
  audit: { action: string; actor?: string; after: Record<string, unknown> },
  change: (tx: Db) => Promise<boolean>,
): Promise<boolean> {
  return s.sql.begin(async (tx) => {
    const head = await lockResponseHead(tx, responseId);
    const changed = await change(tx);
    if (changed) {
      await recordAudit(tx, {
        actor: audit.actor ?? `workflow:response-${responseId}`, entity: 'response', entityId: responseId, action: audit.action,
        organizationId: head?.organizationId ?? null,
        before: head && { status: head.status, expiresAt: head.expiresAt.toISOString() },
        after: audit.after,
      });
    }
    return changed;
  });
}

/** Closes an open response (completed: its unit is Used; expired: it returns to Available), once. */
export function closeResponse(s: Pick<Services, 'sql'>, responseId: string, action: keyof typeof RESPONSE_CLOSES_AS, at: Date, actor?: string): Promise<boolean> {
  const to = RESPONSE_CLOSES_AS[action];
  return changeResponse(s, responseId, { action, actor, after: { status: to } }, (tx) => closeResponseInLedger(tx, responseId, to, at));
}

/** Moves an open response's expiry, once. */
export function extendResponseExpiry(s: Pick<Services, 'sql'>, responseId: string, expiresAtIso: string, actor?: string): Promise<boolean> {
  return changeResponse(s, responseId, { action: 'extend', actor, after: { expiresAt: expiresAtIso } }, (tx) => setResponseExpiry(tx, responseId, new Date(expiresAtIso)));
}
