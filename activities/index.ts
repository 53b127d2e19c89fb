import type { ActivityDeps } from './deps';
import { createPlatformActivities } from './platform';

export type { ActivityDeps };

export function createActivities(deps: ActivityDeps) {
  return {
    ...createPlatformActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
