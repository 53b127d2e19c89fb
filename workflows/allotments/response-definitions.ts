import { defineQuery, defineUpdate } from '@temporalio/workflow';

// Shared by the invitation workflow and the API.
export type InvitationState = 'invited' | 'completed' | 'expired';

export interface ResponseWorkflowInput {
  responseId: string;
  /** ISO instant; the invitation expires then unless completed first. */
  expiresAt: string;
}

/** Completes the response; refused (and nothing changes) once it is completed or expired. */
export const completeResponseUpdate = defineUpdate<{ status: InvitationState }, []>('completeResponse');
/** Moves the expiry later while the response is open. */
export const extendResponseUpdate = defineUpdate<{ expiresAt: string }, [{ expiresAt: string }]>('extendResponse');
export const invitationStateQuery = defineQuery<{ status: InvitationState; expiresAt: string }>('invitationState');

export const responseWorkflowId = (responseId: string) => `response-${responseId}`;

/** ApplicationFailure types the update validators raise; the API maps them to problem codes. */
export const RESPONSE_NOT_OPEN = 'ResponseNotOpen';
export const EXPIRY_NOT_LATER = 'ExpiryNotLater';
