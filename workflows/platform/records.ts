import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { RecordActivities, RecordKind } from '../../activities/platform/records';

// About two minutes of retries: far longer than any transaction between start and commit.
const { awaitRecord } = proxyActivities<RecordActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** True once the row that started this workflow is committed; false when it never will be. */
export async function recordCommitted(kind: RecordKind, id: string): Promise<boolean> {
  return (await committedRecord(kind, id)).committed;
}

/**
 * recordCommitted, with the row's status when it became visible. A first run reads its initial
 * status; a run started again by `temporal workflow reset` reads where the database already is,
 * and follows it. Histories recorded before the activity answered it have no status.
 */
export async function committedRecord(kind: RecordKind, id: string): Promise<{ committed: boolean; status?: string }> {
  try {
    const answer: { status: string } | undefined = await awaitRecord(kind, id);
    return { committed: true, status: answer?.status };
  } catch (err) {
    if (err instanceof ActivityFailure) return { committed: false };
    throw err;
  }
}
