import type { ActivityDeps } from '../deps';
import { createSaleKeyActivities } from './keys';
import { createSaleNotificationActivities } from './notifications';
import { createSaleTransitionActivities } from './sales';

/** The sale workflow's I/O: its status transitions, its licence keys and what it announces. */
export function createSalesActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    ...createSaleTransitionActivities(deps),
    ...createSaleKeyActivities(deps),
    ...createSaleNotificationActivities(deps),
  };
}

export type SalesActivities = ReturnType<typeof createSalesActivities>;
