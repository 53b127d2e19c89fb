import type { ClaimOutcome } from '../../../src/groups/claims';
import type { Campaign } from '../../../src/repos/groups/campaigns';
import type { Plan } from '../../../src/repos/groups/catalog';

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
  subscriptionStatus: o.kind === 'granted' ? (o.subscription.status as 'pending' | 'active') : null,
  existing: o.kind === 'granted' && o.existing,
  codeExpiresAt: o.kind === 'verification_sent' ? o.claim.codeExpiresAt : null,
});
