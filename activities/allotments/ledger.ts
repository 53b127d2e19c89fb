import type { ActivityDeps } from '../deps';
import { recordAudit } from '../../src/repos/audit';
import { closeResponseInLedger } from '../../src/repos/allotments/ledger';
import { setResponseExpiry } from '../../src/repos/allotments/responses';

const actor = (responseId: string) => `workflow:response-${responseId}`;

export function createResponseActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    /** Idempotent: a retry finds the response already completed and changes nothing. */
    async completeResponse(responseId: string): Promise<boolean> {
      return sql.begin(async (tx) => {
        const changed = await closeResponseInLedger(tx, responseId, 'completed', new Date());
        if (changed) await recordAudit(tx, { actor: actor(responseId), entity: 'response', entityId: responseId, action: 'complete', after: { status: 'completed' } });
        return changed;
      });
    },
    async expireResponse(responseId: string, atIso: string): Promise<boolean> {
      return sql.begin(async (tx) => {
        const changed = await closeResponseInLedger(tx, responseId, 'expired', new Date(atIso));
        if (changed) await recordAudit(tx, { actor: actor(responseId), entity: 'response', entityId: responseId, action: 'expire', after: { status: 'expired' } });
        return changed;
      });
    },
    async extendResponse(responseId: string, expiresAtIso: string): Promise<boolean> {
      return sql.begin(async (tx) => {
        const changed = await setResponseExpiry(tx, responseId, new Date(expiresAtIso));
        if (changed) await recordAudit(tx, { actor: actor(responseId), entity: 'response', entityId: responseId, action: 'extend', after: { expiresAt: expiresAtIso } });
        return changed;
      });
    },
  };
}
