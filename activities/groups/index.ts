import type { ActivityDeps } from '../deps';
import { createCampaignActivities } from './campaigns';
import { createCodeSendActivities } from './code-sends';
import { createImportActivities } from './imports';
import { createGroupSubscriptionActivities } from './subscriptions';

export function createGroupActivities(deps: ActivityDeps) {
  return {
    ...createGroupSubscriptionActivities(deps),
    ...createCampaignActivities(deps),
    ...createImportActivities(deps),
    ...createCodeSendActivities(deps),
  };
}

export type GroupActivities = ReturnType<typeof createGroupActivities>;
