import type { ActivityDeps } from './deps';
import { createAggregatorActivities } from './aggregators';
import { createAllotmentActivities } from './allotments';
import { createMailActivities } from './mail';
import { createPlatformActivities } from './platform';
import { createRecordActivities } from './records';

export type { ActivityDeps };

export function createActivities(deps: ActivityDeps) {
  return {
    ...createPlatformActivities(deps),
    ...createRecordActivities(deps),
    ...createMailActivities(deps),
    ...createAllotmentActivities(deps),
    ...createAggregatorActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
