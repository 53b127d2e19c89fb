import type { ActivityDeps } from '../deps';
import { createCampaignActivities } from './campaigns';
import { createImportActivities } from './imports';
import { createGroupSubscriptionActivities } from './subscriptions';

export function createGroupActivities(deps: ActivityDeps) {
  return {
    ...createGroupSubscriptionActivities(deps),
    ...createCampaignActivities(deps),
    ...createImportActivities(deps),
  };
}

export type GroupActivities = ReturnType<typeof createGroupActivities>;
