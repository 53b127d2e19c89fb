import type { SubscriptionStatus } from '../../../src/domain/groups/subscriptions';
import type { ClaimOutcome } from '../../../src/groups/claims';
import type { Campaign } from '../../../src/repos/groups/campaigns';
import type { Customer, Plan } from '../../../src/repos/groups/catalog';

/** A customer without our bookkeeping of when its default card was last told. */
export const presentCustomer = (c: Customer) => {
  const { defaultPaymentMethodAt: _at, ...rest } = c;
  return rest;
};

export const presentPlan = (p: Plan) => ({ ...p, price: { amount: p.amount, currency: p.currency } });

export const presentCampaign = (c: Campaign) => {
  const { codeCount, stripeCouponId: _coupon, ...rest } = c;
  return { ...rest, count: c.mode === 'unique' ? codeCount : null };
};

export const presentClaim = (o: ClaimOutcome) => ({
  id: o.claim.id,
  groupId: o.claim.groupId,
  status: o.kind,
  via: o.claim.via,
  subscriptionId: o.kind === 'granted' ? o.subscription.id : null,
  subscriptionStatus: o.kind === 'granted' ? (o.subscription.status as Exclude<SubscriptionStatus, 'failed'>) : null,
  existing: o.kind === 'granted' && o.existing,
  codeExpiresAt: o.kind === 'verification_sent' ? o.claim.codeExpiresAt : null,
});

// The streamed CSV and JSON bodies are the platform's (api/streams.ts), shared with every list.
export { csvStream, jsonStream } from '../../streams';
