import type { ActivityDeps } from '../deps';
import { closeResponse, extendResponseExpiry, openInvitation, takeInvitationHandoff } from '../../src/allotments/invitations';

export function createResponseActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    /**
     * The invitation's first step (a local activity): whether the response is committed, taking
     * its hand-off entry when it is, so no drain starts the workflow again.
     */
    takeResponseHandoff: (responseId: string): Promise<boolean> => takeInvitationHandoff(deps, responseId),
    /** The same, also saying whether the invitation is e-mailed; null while the response is not committed. */
    openInvitation: async (responseId: string): Promise<{ mailed: boolean } | null> => (await openInvitation(deps, responseId)) ?? null,
    /** Idempotent: a retry finds the response already completed and changes nothing. */
    completeResponse: (responseId: string, actor?: string): Promise<boolean> => closeResponse(deps, responseId, 'complete', new Date(), actor),
    expireResponse: (responseId: string, atIso: string): Promise<boolean> => closeResponse(deps, responseId, 'expire', new Date(atIso)),
    /** Idempotent: the same expiry again changes nothing. `actor` is who asked (`user:<id>`), for the audit entry. */
    extendResponse: (responseId: string, expiresAtIso: string, actor?: string): Promise<boolean> => extendResponseExpiry(deps, responseId, expiresAtIso, actor),
  };
}
