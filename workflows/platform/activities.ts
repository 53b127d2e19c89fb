// How workflows call activities: the retry profiles lifecycles share, and what a failed call says.
import type { Duration } from '@temporalio/common';
import { ActivityFailure, ApplicationFailure, type ActivityOptions } from '@temporalio/workflow';

/** One short database transaction: retried from a second on, backing off to a minute, until it commits. */
export const TRANSACTION: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Calls to Stripe that carry idempotency keys from our ids, so retrying through an outage is safe.
 * `nonRetryableErrorTypes` names the refusals retrying cannot fix; `maximumAttempts` bounds how
 * long an outage is waited out before the workflow compensates.
 */
export const stripeCalls = (nonRetryableErrorTypes: string[], o: { maximumAttempts?: number } = {}): ActivityOptions => ({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', ...o, nonRetryableErrorTypes },
});

/**
 * Long batches that heartbeat: a batch lost with its worker is noticed within `heartbeatTimeout`
 * and retried elsewhere, continuing from what the database says is done.
 */
export const heartbeatingBatches = (o: {
  startToCloseTimeout: Duration;
  heartbeatTimeout: Duration;
  initialInterval?: Duration;
  maximumInterval: Duration;
  nonRetryableErrorTypes?: string[];
}): ActivityOptions => ({
  startToCloseTimeout: o.startToCloseTimeout,
  heartbeatTimeout: o.heartbeatTimeout,
  retry: {
    initialInterval: o.initialInterval ?? '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: o.maximumInterval,
    ...(o.nonRetryableErrorTypes && { nonRetryableErrorTypes: o.nonRetryableErrorTypes }),
  },
});

/**
 * The message of an activity's final failure (what its last attempt threw), for a workflow that
 * records why it compensated; anything other than an activity failure is rethrown.
 */
export function activityFailureMessage(err: unknown): string {
  if (!(err instanceof ActivityFailure)) throw err;
  return err.cause instanceof ApplicationFailure ? err.cause.message : err.message;
}
