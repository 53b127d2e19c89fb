import type { ActivityDeps } from '../deps';
import { pruneIdempotencyRecords } from '../../src/repos/idempotency';

export function createPlatformActivities({ sql }: ActivityDeps) {
  return {
    async pruneIdempotencyRecords(cutoffIso: string): Promise<number> {
      return pruneIdempotencyRecords(sql, new Date(cutoffIso));
    },
  };
}

export type PlatformActivities = ReturnType<typeof createPlatformActivities>;
