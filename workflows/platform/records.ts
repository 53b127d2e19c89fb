import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { RecordActivities, RecordKind } from '../../activities/platform/records';

// About two minutes of retries: far longer than any transaction between start and commit.
const { awaitRecord } = proxyActivities<RecordActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** True once the row that started this workflow is committed; false when it never will be. */
export async function recordCommitted(kind: RecordKind, id: string): Promise<boolean> {
  try {
    await awaitRecord(kind, id);
    return true;
  } catch (err) {
    if (err instanceof ActivityFailure) return false;
    throw err;
  }
}
