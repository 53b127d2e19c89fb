import { mapLimit } from '../concurrency';
import type { Db } from '../db/connect';
import { RESPONSE_CLOSES_AS } from '../domain/allotments/lifecycle';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { closeResponseRow } from '../repos/allotments/ledger';
import { recordEvent } from '../platform/events';
import { deleteHandoffs, lockResponseHead, setResponseExpiry, staleHandoffs, takeHandoff, type ResponseRow } from '../repos/allotments/responses';
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

/** How many invitation starts one request keeps in flight. */
const STARTS_IN_FLIGHT = 16;

/** Starts each response's invitation workflow, after the transaction that created them committed. */
export async function startInvitations(s: Pick<Services, 'temporal' | 'taskQueue'>, rows: Pick<ResponseRow, 'id' | 'organizationId' | 'expiresAt'>[]): Promise<void> {
  await mapLimit(rows, STARTS_IN_FLIGHT, (r) => startInvitation(s, r));
}

/**
 * The invitation workflow's first step: undefined while its response is not visible, which the
 * workflow retries, then gives up on; once it is, its hand-off is taken and the answer says
 * whether the invitation is e-mailed.
 */
export function openInvitation(s: Pick<Services, 'sql'>, responseId: string): Promise<{ mailed: boolean } | undefined> {
  return takeHandoff(s.sql, responseId);
}

/** The same step as executions started before 'handoff-knows-mail' ask it: only whether the response is committed. */
export async function takeInvitationHandoff(s: Pick<Services, 'sql'>, responseId: string): Promise<boolean> {
  return (await openInvitation(s, responseId)) !== undefined;
}

/** Hand-offs one drain takes at a time. */
export const HANDOFF_DRAIN_BATCH = 500;

/** How long a hand-off waits for its creator's start before a drain starts the workflow itself. */
export const HANDOFF_GRACE_MS = 10_000;

/**
 * Starts the workflows of responses whose creator committed them but did not get to start them
 * (it died, or Temporal was unreachable): every hand-off older than `HANDOFF_GRACE_MS`. A start
 * that finds the workflow already there is fine (`reuse`), so drains may overlap, race the
 * creator, or repeat after a crash. Returns how many it handed off.
 */
export async function drainInvitationHandoffs(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, limit = HANDOFF_DRAIN_BATCH): Promise<number> {
  return s.sql.begin(async (tx) => {
    const stale = await staleHandoffs(tx, HANDOFF_GRACE_MS, limit);
    if (stale.length === 0) return 0;
    await startInvitations(s, stale);
    await deleteHandoffs(tx, stale.map((r) => r.id));
    return stale.length;
  });
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
  return changeResponse(s, responseId, { action, actor, after: { status: to } }, async (tx) => {
    const closed = await closeResponseRow(tx, responseId, to, at);
    if (!closed) return false;
    await recordEvent(tx, { type: to === 'completed' ? 'response.completed' : 'response.expired', organizationId: closed.organizationId, data: { responseId, ...closed } });
    return true;
  });
}

/** Moves an open response's expiry, once. */
export function extendResponseExpiry(s: Pick<Services, 'sql'>, responseId: string, expiresAtIso: string, actor?: string): Promise<boolean> {
  return changeResponse(s, responseId, { action: 'extend', actor, after: { expiresAt: expiresAtIso } }, (tx) => setResponseExpiry(tx, responseId, new Date(expiresAtIso)));
}
