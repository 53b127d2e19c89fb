import {
  awaitsStripe,
  groupUserDiscount,
  hasEnded,
  provisioningOutcome,
  statusFollowingStripe,
  stripeStateOf,
  supersedes,
  type StripeState,
} from '../domain/groups/subscriptions';
import { GroupSubscriptionFailure } from '../domain/groups/failures';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { completeRedemption, releaseRedemption } from '../repos/groups/campaigns';
import { setStripeCustomer } from '../repos/groups/catalog';
import { recordEvent } from '../platform/events';
import { subscriptionUpdated } from './events';
import { lockSubscription, markSubscriptionFailed, markSubscriptionProvisioned, provisioningView } from '../repos/groups/subscriptions';

export type ProvisionDeps = Pick<Services, 'sql' | 'stripe'>;

/** The reservation is gone, or Stripe is not connected: nothing to retry. */
export class NothingToProvision extends Error {
  override name = GroupSubscriptionFailure.NOTHING_TO_PROVISION;
}

const actor = (subscriptionId: string) => `workflow:subscription-${subscriptionId}`;

/**
 * Creates a reserved group user's customer and subscription in Stripe and records Stripe's status
 * (and its redemption redeemed) in one transaction. Idempotent: the Stripe keys come from our ids,
 * and a retry after any crash re-finds what Stripe already has. A group user is never charged:
 * a paid plan's subscription is created with its 100 %-off discount, or not at all.
 */
export async function provisionSubscription(deps: ProvisionDeps, subscriptionId: string): Promise<'active' | 'failed'> {
  const v = await provisioningView(deps.sql, subscriptionId);
  if (!v) throw new NothingToProvision(`subscription ${subscriptionId} does not exist`);
  if (!awaitsStripe(v.subscription.status)) return provisioningOutcome(v.subscription.status) === 'failed' ? 'failed' : 'active';
  if (!deps.stripe) throw new NothingToProvision('Stripe is not connected');
  const { subscription: sub, customer } = v;
  const free = groupUserDiscount({ planAmount: v.planAmount, source: sub.source, promotionCodeId: v.stripePromotionCodeId, accessCouponId: v.accessCouponId });
  if (!free.ok) throw new NothingToProvision(free.reason);
  const discount = free.discount;

  let stripeCustomerId = customer.stripeCustomerId;
  if (!stripeCustomerId) {
    const created = await deps.stripe.customers.create(
      { name: customer.name, email: customer.email, metadata: { customerId: customer.id, groupId: sub.groupId ?? '', subscriptionId: sub.id } },
      { idempotencyKey: `customer-${customer.id}` },
    );
    await setStripeCustomer(deps.sql, customer.id, created.id);
    stripeCustomerId = created.id;
  }
  const created = await deps.stripe.subscriptions.create(
    {
      customer: stripeCustomerId,
      items: [{ price: v.stripePriceId }],
      collection_method: 'charge_automatically',
      ...(discount && { discounts: ['coupon' in discount ? { coupon: discount.coupon } : { promotion_code: discount.promotionCode }] }),
      metadata: {
        subscriptionId: sub.id,
        groupId: sub.groupId ?? '',
        source: sub.source,
        ...(sub.campaignId && { campaignId: sub.campaignId }),
        ...(v.redemptionId && { redemptionId: v.redemptionId }),
      },
    },
    { idempotencyKey: `subscription-${sub.id}` },
  );
  await deps.sql.begin(async (tx) => {
    const row = await lockSubscription(tx, sub.id);
    if (!row || !awaitsStripe(row.status)) return;
    // A webhook event may already have told us a newer state of this subscription.
    const answered = stripeStateOf(created.status, created.created);
    const held: StripeState | null = row.stripeStatusAt && row.stripeStatus ? stripeStateOf(row.stripeStatus, row.stripeStatusAt) : null;
    const state = supersedes(held, answered) ? answered : held!;
    const status = statusFollowingStripe('active', state.status);
    await markSubscriptionProvisioned(tx, sub.id, {
      status, stripeSubscriptionId: created.id, stripeStatus: state.status, stripeStatusAt: state.at, endedAt: hasEnded(status) ? state.at : null,
    });
    const redeemed = await completeRedemption(tx, sub.id);
    if (redeemed) {
      await recordEvent(tx, {
        type: 'campaign.code_redeemed', organizationId: v.organizationId,
        data: { campaignId: redeemed.campaignId, groupId: row.groupId ?? '', redemptionId: redeemed.id, email: redeemed.email, subscriptionId: sub.id },
      });
    }
    await subscriptionUpdated(tx, row, { status, previousStatus: row.status }, v.organizationId);
    await recordAudit(tx, {
      actor: actor(sub.id), entity: 'subscription', entityId: sub.id, action: 'activate', organizationId: v.organizationId,
      before: { status: 'pending' }, after: { status, stripeSubscriptionId: created.id, redemptionId: v.redemptionId, discount },
    });
  });
  return 'active';
}

/**
 * The compensation when Stripe refuses: first make sure Stripe holds no subscription for this
 * reservation (cancel any that a lost answer left behind), then release it — the subscription
 * failed and its redemption uncounted — in one transaction.
 */
export async function releaseSubscription(deps: ProvisionDeps, subscriptionId: string, reason: string): Promise<boolean> {
  const v = await provisioningView(deps.sql, subscriptionId);
  if (!v || !awaitsStripe(v.subscription.status)) return false;
  if (v.customer.stripeCustomerId && deps.stripe) {
    const existing = await deps.stripe.subscriptions.list({ customer: v.customer.stripeCustomerId, status: 'all', limit: 100 });
    for (const s of existing.data) {
      if (s.metadata?.subscriptionId === subscriptionId && s.status !== 'canceled') {
        await deps.stripe.subscriptions.cancel(s.id, {}, { idempotencyKey: `subscription-${subscriptionId}-cancel` });
      }
    }
  }
  return deps.sql.begin(async (tx) => {
    if (!(await markSubscriptionFailed(tx, subscriptionId, reason))) return false;
    await subscriptionUpdated(tx, v.subscription, { status: 'failed', previousStatus: v.subscription.status }, v.organizationId);
    const redemption = await releaseRedemption(tx, subscriptionId);
    await recordAudit(tx, {
      actor: actor(subscriptionId), entity: 'subscription', entityId: subscriptionId, action: 'release', organizationId: v.organizationId,
      before: { status: 'pending' }, after: { status: 'failed', failure: reason, releasedRedemptionId: redemption?.id ?? null },
    });
    return true;
  });
}
