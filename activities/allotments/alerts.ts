import { lowBalanceMails } from '../../src/allotments/alerts';
import type { Mail } from '../../src/mail';
import type { ActivityDeps } from '../deps';

export function createAlertActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    /** The messages of one low-balance crossing, one per manager. Reads only, so safe to retry. */
    async lowBalanceMessages(i: { eventId: string; seq: number }): Promise<Mail[]> {
      return lowBalanceMails(deps, i);
    },
  };
}
