import type { ActivityDeps } from '../deps';
import { createAlertActivities } from './alerts';
import { createBulkInviteActivities } from './bulk-invite';
import { createInvitationMailActivities } from './invitation-mail';
import { createResponseActivities } from './ledger';
import { createPurchaseActivities } from './purchases';

export function createAllotmentActivities(deps: ActivityDeps) {
  return {
    ...createResponseActivities(deps),
    ...createPurchaseActivities(deps),
    ...createBulkInviteActivities(deps),
    ...createAlertActivities(deps),
    ...createInvitationMailActivities(deps),
  };
}

export type AllotmentActivities = ReturnType<typeof createAllotmentActivities>;
