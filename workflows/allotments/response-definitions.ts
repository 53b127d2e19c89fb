import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ResponseStatus } from '../../src/domain/allotments/lifecycle';

export { ResponseFailure } from '../../src/domain/allotments/failures';

// Shared by the invitation workflow and the services.
export type InvitationState = ResponseStatus;

export interface ResponseWorkflowInput {
  responseId: string;
  /** ISO instant; the invitation expires then unless completed first. */
  expiresAt: string;
}

/**
 * Who asked for a change, for its audit entry: `user:<id>` (src/domain/principal.ts actorOf).
 * Optional: updates recorded before it was carried have none, and are audited as the workflow's.
 */
export interface Requester {
  actor?: string;
}

/** Completes the response; refused (and nothing changes) once it is completed or expired. */
export const completeResponseUpdate = defineUpdate<{ status: InvitationState }, [Requester]>('completeResponse');
/** Moves the expiry later while the response is open. */
export const extendResponseUpdate = defineUpdate<{ expiresAt: string }, [{ expiresAt: string } & Requester]>('extendResponse');
export const invitationStateQuery = defineQuery<{ status: InvitationState; expiresAt: string }>('invitationState');

export const responseWorkflowId = (responseId: string) => `response-${responseId}`;
