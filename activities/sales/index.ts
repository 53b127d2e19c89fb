import type { ActivityDeps } from '../deps';
import { createSaleKeyActivities } from './keys';
import { createSaleTransitionActivities } from './sales';

/** The sale workflow's I/O: its status transitions and its licence keys. */
export function createSalesActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    ...createSaleTransitionActivities(deps),
    ...createSaleKeyActivities(deps),
  };
}

export type SalesActivities = ReturnType<typeof createSalesActivities>;
