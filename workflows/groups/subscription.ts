import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { GroupActivities } from '../../activities/groups';
import { GroupSubscriptionFailure } from '../../src/domain/groups/failures';
import { awaitsStripe } from '../../src/domain/groups/subscriptions';
import { activityFailureMessage, stripeCalls } from '../platform/activities';
import { refuseTemporalCancel, shieldFromTemporalCancel } from '../platform/cancellation';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';
import { subscriptionOutcomeUpdate, subscriptionStateQuery, subscriptionWorkflowId, type GroupSubscriptionInput, type ProvisioningOutcome } from './subscription-definitions';

// Stripe writes carry idempotency keys from our ids, so retrying through an outage is safe;
// after about two hours of failures the reservation is released instead.
const stripe = proxyActivities<GroupActivities>(
  stripeCalls([GroupSubscriptionFailure.STRIPE_REFUSED, GroupSubscriptionFailure.NOTHING_TO_PROVISION], { maximumAttempts: 30 }),
);
// The release must happen, and only after Stripe was checked: it retries for as long as it takes.
const compensation = proxyActivities<GroupActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * A group user's subscription (from a redemption or an access claim): reserved and counted in
 * the database by the API, created in Stripe here, or released — never counted without a
 * subscription, never a subscription without its count.
 */
export async function groupSubscriptionWorkflow(input: GroupSubscriptionInput): Promise<ProvisioningOutcome | 'abandoned'> {
  // `temporal workflow cancel` is refused: stopping between Stripe and the database would leave a
  // counted place without a subscription (or one without its count); it ends by itself.
  const shield = shieldFromTemporalCancel(() =>
    refuseTemporalCancel(
      subscriptionWorkflowId(input.subscriptionId),
      `let it finish: it ends once Stripe answers, or releases the place after about two hours of failures (GET /v1/subscriptions/${input.subscriptionId})`,
    ),
  );
  return shield.run(() => provisioning(input, shield.run));
}

async function provisioning(input: GroupSubscriptionInput, shielded: <T>(fn: () => Promise<T>) => Promise<T>): Promise<ProvisioningOutcome | 'abandoned'> {
  let status: ProvisioningOutcome = 'pending';
  setHandler(subscriptionOutcomeUpdate, () =>
    shielded(async () => {
      await condition(() => !awaitsStripe(status));
      return { status };
    }),
  );
  setHandler(subscriptionStateQuery, () => ({ status }));

  if (!(await recordCommitted('subscription', input.subscriptionId))) {
    status = 'failed';
    publishStatus('abandoned');
    await condition(allHandlersFinished);
    return 'abandoned';
  }
  try {
    status = await stripe.provisionGroupSubscription(input.subscriptionId);
  } catch (err) {
    await compensation.releaseGroupSubscription(input.subscriptionId, `stripe: ${activityFailureMessage(err)}`);
    status = 'failed';
  }
  publishStatus(status);
  await condition(allHandlersFinished);
  return status;
}
