import type { Duration } from '@temporalio/common';
import { proxyActivities, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { AllotmentActivities } from '../../activities/allotments';
import { PurchaseFailure } from '../../src/domain/allotments/failures';

// The allotment workflows' activities, grouped by retry profile.

/** Ledger writes: one short transaction each, idempotent, so retried quickly. */
export const ledger = proxyActivities<AllotmentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The invitation's first step, as a local activity: one short query inside the workflow task
 * (no extra task, no round trip through the server). Retried until the database answers.
 */
const handoff = proxyLocalActivities<AllotmentActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Looks ten times over about a minute and a half: far longer than any creating transaction takes to commit. */
const ROW_CHECKS = 10;

/**
 * Asks `look` until the response is committed (its hand-off taken) and answers what it said;
 * null when ten answers in a row said it is not there (the transaction that started this
 * workflow never committed).
 */
async function untilRowCommitted<T>(look: () => Promise<T | null>): Promise<T | null> {
  for (let check = 0, pause = 200; check < ROW_CHECKS; check++, pause = Math.min(pause * 2, 30_000)) {
    const seen = await look();
    if (seen !== null) return seen;
    if (check < ROW_CHECKS - 1) await sleep(pause);
  }
  return null;
}

/** The first step of executions started before 'handoff-knows-mail': whether the response is committed. */
export async function responseRowCommitted(responseId: string): Promise<boolean> {
  return (await untilRowCommitted(async () => (await handoff.takeResponseHandoff(responseId)) || null)) !== null;
}

/** The first step since 'handoff-knows-mail': also whether the invitation is e-mailed. */
export const invitationOpened = (responseId: string) => untilRowCommitted(() => handoff.openInvitation(responseId));

/** Stripe calls: each carries an idempotency key from the purchase id, so retries are safe. */
export const stripe = proxyActivities<AllotmentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: [PurchaseFailure.STRIPE_INVALID_REQUEST] },
});

/** E-mails: each notification is sent once by id, so retried patiently through an SMTP outage. */
export const mail = proxyActivities<AllotmentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 12 },
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
