import type { ActivityDeps } from '../deps';
import { closeResponse, extendResponseExpiry } from '../../src/allotments/invitations';

export function createResponseActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    /** Idempotent: a retry finds the response already completed and changes nothing. */
    completeResponse: (responseId: string, actor?: string): Promise<boolean> => closeResponse(deps, responseId, 'complete', new Date(), actor),
    expireResponse: (responseId: string, atIso: string): Promise<boolean> => closeResponse(deps, responseId, 'expire', new Date(atIso)),
    /** Idempotent: the same expiry again changes nothing. `actor` is who asked (`user:<id>`), for the audit entry. */
    extendResponse: (responseId: string, expiresAtIso: string, actor?: string): Promise<boolean> => extendResponseExpiry(deps, responseId, expiresAtIso, actor),
  };
}
