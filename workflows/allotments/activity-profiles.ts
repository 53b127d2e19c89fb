import type { Duration } from '@temporalio/common';
import { ActivityFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { AllotmentActivities } from '../../activities/allotments';
import { PurchaseFailure } from '../../src/domain/allotments/failures';

// The allotment workflows' activities, grouped by retry profile.

/** Ledger writes: one short transaction each, idempotent, so retried quickly. */
export const ledger = proxyActivities<AllotmentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The invitation's first step, as a local activity (one short query inside the workflow task:
 * no extra task, no extra round trip through the server). About a minute and a half of
 * retries, far longer than any creating transaction takes to commit.
 */
const rows = proxyLocalActivities<AllotmentActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** True once the response is committed (its hand-off taken); false when it never will be. */
export async function responseRowCommitted(responseId: string): Promise<boolean> {
  try {
    await rows.awaitResponseRow(responseId);
    return true;
  } catch (err) {
    if (err instanceof ActivityFailure) return false;
    throw err;
  }
}

/** Stripe calls: each carries an idempotency key from the purchase id, so retries are safe. */
export const stripe = proxyActivities<AllotmentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: [PurchaseFailure.STRIPE_INVALID_REQUEST] },
});

/** Long work that heartbeats its progress: a lost worker is noticed within a minute. */
const heartbeating = (startToCloseTimeout: Duration) =>
  proxyActivities<AllotmentActivities>({
    startToCloseTimeout,
    heartbeatTimeout: '1 minute',
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

/** A bulk invite's batches (executions recorded before the whole-job activity) and its finish. */
export const invitations = heartbeating('10 minutes');

/** One activity for a whole bulk invite, checkpointing in its heartbeat (50 000 rows fit easily). */
export const wholeJob = heartbeating('4 hours');
