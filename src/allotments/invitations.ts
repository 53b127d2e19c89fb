import { mapLimit } from '../concurrency';
import type { Db } from '../db/connect';
import { RESPONSE_CLOSES_AS } from '../domain/allotments/lifecycle';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { closeResponseInLedger } from '../repos/allotments/ledger';
import { setResponseExpiry, type ResponseRow } from '../repos/allotments/responses';
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

/** One change of a response by its workflow, audited when it happened (a retry changes nothing). */
async function changeResponse(
  s: Pick<Services, 'sql'>,
  responseId: string,
  audit: { action: string; after: Record<string, unknown> },
  change: (tx: Db) => Promise<boolean>,
): Promise<boolean> {
  return s.sql.begin(async (tx) => {
    const changed = await change(tx);
    if (changed) await recordAudit(tx, { actor: `workflow:response-${responseId}`, entity: 'response', entityId: responseId, ...audit });
    return changed;
  });
}

/** Closes an open response (completed: its unit is Used; expired: it returns to Available), once. */
export function closeResponse(s: Pick<Services, 'sql'>, responseId: string, action: keyof typeof RESPONSE_CLOSES_AS, at: Date): Promise<boolean> {
  const to = RESPONSE_CLOSES_AS[action];
  return changeResponse(s, responseId, { action, after: { status: to } }, (tx) => closeResponseInLedger(tx, responseId, to, at));
}

/** Moves an open response's expiry, once. */
export function extendResponseExpiry(s: Pick<Services, 'sql'>, responseId: string, expiresAtIso: string): Promise<boolean> {
  return changeResponse(s, responseId, { action: 'extend', after: { expiresAt: expiresAtIso } }, (tx) => setResponseExpiry(tx, responseId, new Date(expiresAtIso)));
}
