import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ResponseFailure } from '../domain/allotments/failures';
import { responseAllows, type ResponseAction, type ResponseStatus } from '../domain/allotments/lifecycle';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { getResponse as readResponse, type ResponseRow } from '../repos/allotments/responses';
import { completeResponseUpdate, extendResponseUpdate, responseWorkflowId } from '../../workflows/allotments/response-definitions';
import { cohortOfTarget, resolveTarget } from './context';
import { assertFutureExpiry, createResponses, expiryFor } from './create-responses';

export type { ResponseRow };

export interface ManualResponse {
  organizationId: string;
  respondent: { email: string; name: string };
  expiresAt?: string;
  cohortId?: string;
}

/** Manual entry: one response, holding a unit while open. */
export async function createResponse(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, p: Principal, assessmentId: string, input: ManualResponse): Promise<ResponseRow> {
  const target = await resolveTarget(s.sql, p, input.organizationId, assessmentId);
  const expiresAt = expiryFor(target.assessment, input.expiresAt);
  const cohort = input.cohortId ? await cohortOfTarget(s.sql, target, input.cohortId) : null;
  const [row] = await createResponses(s, {
    ...target, cohort, source: 'manual', actor: actorOf(p),
    respondents: [{ email: input.respondent.email, name: input.respondent.name, expiresAt }],
  });
  return row!;
}

export function getResponse(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<ResponseRow> {
  return readResponse(s.sql, p, id);
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
  // The workflow's verdict first: a transition it has begun (an expiry being written) closes the
  // response before the database says so.
  if (cause instanceof ApplicationFailure && cause.type === ResponseFailure.NOT_OPEN) {
    const closed = CLOSED[cause.details?.[0] as ResponseStatus];
    if (closed) return closed();
  }
  if (cause instanceof ApplicationFailure || err instanceof WorkflowNotFoundError) {
    const closed = CLOSED[(await reread()).status];
    if (closed) return closed();
  }
  throw err;
}

/**
 * Sends one update to a response's invitation workflow once the response allows `action`
 * (`precheck` then judges the input), and answers the response as it is afterwards.
 */
async function updateInvitation(
  s: Pick<Services, 'sql' | 'temporal'>,
  p: Principal,
  id: string,
  action: ResponseAction,
  send: (handle: WorkflowHandle) => Promise<unknown>,
  precheck: () => void = () => {},
): Promise<ResponseRow> {
  const reread = () => readResponse(s.sql, p, id);
  assertAllows(await reread(), action);
  precheck();
  try {
    await send(s.temporal.workflow.getHandle(responseWorkflowId(id)));
  } catch (err) {
    throw await refusal(err, reread);
  }
  return reread();
}

/** Completes an open response (the delivery system calls this); a closed one answers 409. */
export function completeResponse(s: Pick<Services, 'sql' | 'temporal'>, p: Principal, id: string): Promise<ResponseRow> {
  return updateInvitation(s, p, id, 'complete', (h) => h.executeUpdate(completeResponseUpdate, { args: [{ actor: actorOf(p) }] }));
}

/** Moves an open response's expiry later (earlier: 422; in the past: 400; closed: 409). */
export function extendResponse(s: Pick<Services, 'sql' | 'temporal'>, p: Principal, id: string, expiresAtIso: string): Promise<ResponseRow> {
  const expiresAt = new Date(expiresAtIso);
  return updateInvitation(
    s, p, id, 'extend',
    (h) => h.executeUpdate(extendResponseUpdate, { args: [{ expiresAt: expiresAt.toISOString(), actor: actorOf(p) }] }),
    () => assertFutureExpiry(expiresAt, new Date()),
  );
}
