import { proxyActivities } from '@temporalio/workflow';
import type { PlatformActivities } from '../../activities/platform/idempotency';

const { pruneIdempotencyRecords } = proxyActivities<PlatformActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** Stored idempotent results are replayable for 24 hours; the schedule calls this hourly. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export async function pruneIdempotencyWorkflow(): Promise<{ pruned: number; cutoff: string }> {
  // Workflow time, so the cut-off is deterministic and follows time skipping in tests.
  const cutoff = new Date(Date.now() - IDEMPOTENCY_RETENTION_MS).toISOString();
  const pruned = await pruneIdempotencyRecords(cutoff);
  return { pruned, cutoff };
}
