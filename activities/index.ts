import type { ActivityDeps } from './deps';
import { createAggregatorActivities } from './aggregators';
import { createAllotmentActivities } from './allotments';
import { createGroupActivities } from './groups';
import { createMailActivities } from './platform/mail';
import { createPlatformActivities } from './platform/idempotency';
import { createReconciliationActivities } from './platform/reconciliation';
import { createRecordActivities } from './platform/records';
import { createSalesActivities } from './sales';
import { createWebhookActivities } from './platform/webhooks';

export type { ActivityDeps };

export function createActivities(deps: ActivityDeps) {
  return {
    ...createPlatformActivities(deps),
    ...createReconciliationActivities(deps),
    ...createRecordActivities(deps),
    ...createMailActivities(deps),
    ...createSalesActivities(deps),
    ...createAllotmentActivities(deps),
    ...createGroupActivities(deps),
    ...createAggregatorActivities(deps),
    ...createWebhookActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
