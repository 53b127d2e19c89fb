import type { Duration } from '@temporalio/common';
import { proxyActivities } from '@temporalio/workflow';
import type { AllotmentActivities } from '../../activities/allotments';
import { PurchaseFailure } from '../../src/domain/allotments/failures';

// The allotment workflows' activities, grouped by retry profile.

/** Ledger writes: one short transaction each, idempotent, so retried quickly. */
export const ledger = proxyActivities<AllotmentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

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
