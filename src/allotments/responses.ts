import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ResponseFailure } from '../domain/allotments/failures';
import { responseAllows, type ResponseAction, type ResponseStatus } from '../domain/allotments/lifecycle';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { getResponse as readResponse, listResponses as readResponses, type ResponseFilter, type ResponseRow } from '../repos/allotments/responses';
import { completeResponseUpdate, extendResponseUpdate, responseWorkflowId } from '../../workflows/allotments/response-definitions';
import { cohortOfTarget, resolveTarget } from './context';
import { assertFutureExpiry, createResponses, expiryFor } from './create-responses';
import { startInvitation } from './invitations';

export type { ResponseRow };

export interface ManualResponse {
  organizationId: string;
  respondent: { email: string; name: string };
  expiresAt?: string;
  cohortId?: string;
  /** false: the partner sends its own invitation (no e-mail, no reminder). */
  notify?: boolean;
}

/** Manual entry: one response, holding a unit while open. */
export async function createResponse(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'logger'>, p: Principal, assessmentId: string, input: ManualResponse): Promise<ResponseRow> {
  const target = await resolveTarget(s.sql, p, input.organizationId, assessmentId);
  const expiresAt = expiryFor(target.assessment, input.expiresAt);
  const cohort = input.cohortId ? await cohortOfTarget(s.sql, target, input.cohortId) : null;
  const [row] = await createResponses(s, {
    ...target, cohort, source: 'manual', actor: actorOf(p), notify: input.notify,
    respondents: [{ email: input.respondent.email, name: input.respondent.name, expiresAt }],
  });
  return row!;
}

export function getResponse(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<ResponseRow> {
  return readResponse(s.sql, p, id);
}

export type { ResponseFilter };

/** The responses the caller may see (their organizations; managers: of the assessments they are linked to), newest first. */
export function listResponses(s: Pick<Services, 'sql'>, p: Principal, q: ResponseFilter & { after?: string; limit: number }): Promise<ResponseRow[]> {
  return readResponses(s.sql, p, q);
}

// A closed response refuses everything: 409 saying which way it closed.
const CLOSED: Partial<Record<ResponseStatus, () => AppError>> = {
  expired: () => new AppError('RESPONSE_EXPIRED', 'The response expired and is locked'),
  completed: () => new AppError('RESPONSE_COMPLETED', 'The response is already completed'),
};

function assertAllows(row: ResponseRow, action: ResponseAction): void {
  if (!responseAllows(row.status, action)) throw CLOSED[row.status]?.() ?? new AppError('CONFLICT', `The response is ${row.status}`);
}

/** Maps a refused invitation update to the state the response is in. */
async function refusal(err: unknown, reread: () => Promise<ResponseRow>): Promise<AppError> {
  const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type === ResponseFailure.EXPIRY_NOT_LATER) {
    return new AppError('UNPROCESSABLE', cause.message, { errors: [{ path: 'expiresAt', message: cause.message }] });
  }
  // The validator names the state it judged by: a transition that has begun counts as done,
  // even while its write is still on its way to the database (concurrent completions).
  const judged = cause instanceof ApplicationFailure && cause.type === ResponseFailure.NOT_OPEN ? CLOSED[cause.details?.[0] as ResponseStatus] : undefined;
  if (judged) return judged();
  if (cause instanceof ApplicationFailure || err instanceof WorkflowNotFoundError) {
    const closed = CLOSED[(await reread()).status];
    if (closed) return closed();
  }
  throw err;
}

const RESOURCE_EXHAUSTED = 8;
/** The server's cap on a workflow's in-flight updates (10) was reached: worth sending again. */
const isCapped = (err: unknown) => {
  const e = err as { code?: number; cause?: { code?: number } } | null;
  return e?.code === RESOURCE_EXHAUSTED || e?.cause?.code === RESOURCE_EXHAUSTED;
};

/** Sends an update, again while the server's in-flight cap refuses it (briefly, with jitter). */
async function sendPatiently(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return;
    } catch (err) {
      if (!isCapped(err) || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, Math.min(10 * attempt, 200) * (0.5 + Math.random())));
    }
  }
}

/**
 * Sends one update to a response's invitation workflow once the response allows `action`
 * (`precheck` then judges the input), and answers the response as it is afterwards. A response
 * whose workflow is not started yet (its creator died between the commit and the start, and no
 * drain has come by) is handed off here: its workflow is started, then sent the update.
 */
async function updateInvitation(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>,
  p: Principal,
  id: string,
  action: ResponseAction,
  send: (handle: WorkflowHandle) => Promise<unknown>,
  precheck: () => void = () => {},
): Promise<ResponseRow> {
  const reread = () => readResponse(s.sql, p, id);
  const row = await reread();
  assertAllows(row, action);
  precheck();
  const handle = s.temporal.workflow.getHandle(responseWorkflowId(id));
  try {
    try {
      await sendPatiently(() => send(handle));
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      await startInvitation(s, row);
      await sendPatiently(() => send(handle));
    }
  } catch (err) {
    throw await refusal(err, reread);
  }
  return reread();
}

/** Completes an open response (the delivery system calls this); a closed one answers 409. */
export function completeResponse(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, p: Principal, id: string): Promise<ResponseRow> {
  return updateInvitation(s, p, id, 'complete', (h) => h.executeUpdate(completeResponseUpdate, { args: [{ actor: actorOf(p) }] }));
}

/** Moves an open response's expiry later (earlier: 422; in the past: 400; closed: 409). */
export function extendResponse(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, p: Principal, id: string, expiresAtIso: string): Promise<ResponseRow> {
  const expiresAt = new Date(expiresAtIso);
  return updateInvitation(
    s, p, id, 'extend',
    (h) => h.executeUpdate(extendResponseUpdate, { args: [{ expiresAt: expiresAt.toISOString(), actor: actorOf(p) }] }),
    () => assertFutureExpiry(expiresAt, new Date()),
  );
}
