import type { ActivityDeps } from '../deps';
import { closeResponse, extendResponseExpiry } from '../../src/allotments/invitations';

export function createResponseActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    /** Idempotent: a retry finds the response already completed and changes nothing. */
    completeResponse: (responseId: string): Promise<boolean> => closeResponse(deps, responseId, 'complete', new Date()),
    expireResponse: (responseId: string, atIso: string): Promise<boolean> => closeResponse(deps, responseId, 'expire', new Date(atIso)),
    extendResponse: (responseId: string, expiresAtIso: string): Promise<boolean> => extendResponseExpiry(deps, responseId, expiresAtIso),
  };
}
