import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { closeResponse, extendResponseExpiry, takeInvitationHandoff } from '../../src/allotments/invitations';
import { RECORD_NOT_VISIBLE } from '../platform/records';

export function createResponseActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    /**
     * The invitation's first step (a local activity): fails, retryably, until the response is
     * committed; then takes its hand-off entry, so no drain starts the workflow again.
     */
    async awaitResponseRow(responseId: string): Promise<void> {
      if (!(await takeInvitationHandoff(deps, responseId))) {
        throw ApplicationFailure.retryable(`response ${responseId} is not visible yet`, RECORD_NOT_VISIBLE);
      }
    },
    /** Idempotent: a retry finds the response already completed and changes nothing. */
    completeResponse: (responseId: string): Promise<boolean> => closeResponse(deps, responseId, 'complete', new Date()),
    expireResponse: (responseId: string, atIso: string): Promise<boolean> => closeResponse(deps, responseId, 'expire', new Date(atIso)),
    extendResponse: (responseId: string, expiresAtIso: string): Promise<boolean> => extendResponseExpiry(deps, responseId, expiresAtIso),
  };
}
