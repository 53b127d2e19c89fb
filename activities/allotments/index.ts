import type { ActivityDeps } from '../deps';
import { createBulkInviteActivities } from './bulk-invite';
import { createResponseActivities } from './ledger';
import { createPurchaseActivities } from './purchases';
import { createRecordActivities } from './records';

export function createAllotmentActivities(deps: ActivityDeps) {
  return {
    ...createResponseActivities(deps),
    ...createPurchaseActivities(deps),
    ...createBulkInviteActivities(deps),
    ...createRecordActivities(deps),
  };
}

export type AllotmentActivities = ReturnType<typeof createAllotmentActivities>;
