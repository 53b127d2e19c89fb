import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { GroupSubscriptionFailure } from '../../src/domain/groups/failures';
import { isPermanentStripeError } from '../../src/platform/stripe';
import { NothingToProvision, provisionSubscription, releaseSubscription } from '../../src/groups/provision';

/** Permanent Stripe refusals and missing rows become non-retryable; outages stay retryable. */
export async function classifyStripe<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof NothingToProvision) throw ApplicationFailure.nonRetryable(err.message, err.name);
    if (isPermanentStripeError(err)) throw ApplicationFailure.nonRetryable((err as Error).message, GroupSubscriptionFailure.STRIPE_REFUSED);
    throw err;
  }
}

export function createGroupSubscriptionActivities(deps: Pick<ActivityDeps, 'sql' | 'stripe'>) {
  return {
    /** Creates the reserved subscription in Stripe and marks it active (idempotent). */
    async provisionGroupSubscription(subscriptionId: string): Promise<'active' | 'failed'> {
      return classifyStripe(() => provisionSubscription(deps, subscriptionId));
    },
    /** Releases a reservation Stripe refused: nothing stays counted without a subscription. */
    async releaseGroupSubscription(subscriptionId: string, reason: string): Promise<boolean> {
      return releaseSubscription(deps, subscriptionId, reason);
    },
  };
}
