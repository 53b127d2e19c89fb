import { describe, expect, it } from 'vitest';
import { byStatusOf, exportSource, flattenReportRow, REPORTED_STATUSES, totals } from '../../src/domain/groups/report';
import {
  canFoundGroup,
  chooseCollection,
  groupUserDiscount,
  isLive,
  statusAfterInvoice,
  stripeStateOf,
  supersedes,
  SUBSCRIPTION_STATUSES,
} from '../../src/domain/groups/subscriptions';

const at = (s: number) => new Date(Date.UTC(2027, 0, 1, 12, 0, s));
const state = (status: Parameters<typeof stripeStateOf>[0], s: number) => stripeStateOf(status, at(s));

describe('the local copy follows Stripe, whatever order its events arrive in', () => {
  it('a newer state replaces an older one, never the other way round', () => {
    expect(supersedes(null, state('incomplete', 0))).toBe(true);
    expect(supersedes(state('active', 5), state('past_due', 6))).toBe(true);
    expect(supersedes(state('past_due', 6), state('active', 5))).toBe(false);
    expect(supersedes(state('past_due', 6), state('active', 9))).toBe(true);
  });

  it('in the same second the state further along its life wins; the same state changes nothing', () => {
    expect(supersedes(state('active', 5), state('incomplete', 5))).toBe(false);
    expect(supersedes(state('incomplete', 5), state('active', 5))).toBe(true);
    expect(supersedes(state('active', 5), state('past_due', 5))).toBe(true);
    expect(supersedes(state('active', 5), state('active', 5))).toBe(false);
  });

  it('an ended subscription stays ended, and an end applies whenever it was sent', () => {
    expect(supersedes(state('canceled', 5), state('active', 9))).toBe(false);
    expect(supersedes(state('incomplete_expired', 5), state('active', 9))).toBe(false);
    expect(supersedes(state('active', 9), state('canceled', 5))).toBe(true);
    expect(supersedes(state('canceled', 5), state('canceled', 9))).toBe(false);
  });

  it('a paid invoice puts a subscription in good standing; a failed payment makes a running one past due', () => {
    expect(['incomplete', 'past_due', 'unpaid', 'active', 'trialing', 'paused', 'canceled'].map((s) => statusAfterInvoice(s as never, 'paid')))
      .toEqual(['active', 'active', 'active', 'active', 'trialing', 'paused', 'canceled']);
    expect(['incomplete', 'active', 'trialing', 'past_due', 'unpaid', 'canceled'].map((s) => statusAfterInvoice(s as never, 'payment_failed')))
      .toEqual(['incomplete', 'past_due', 'past_due', 'past_due', 'unpaid', 'canceled']);
    expect(statusAfterInvoice(null, 'paid')).toBe('active');
  });

  it('reads Stripe\'s seconds, and a status it does not know yet as neither live nor ended', () => {
    expect(stripeStateOf('active', 1_800_000_000)).toEqual({ status: 'active', at: new Date(1_800_000_000_000) });
    expect(stripeStateOf('something_new', 1)).toMatchObject({ status: 'incomplete' });
  });

  it('counts trialing, active and past_due as live; an ended subscription cannot found a group', () => {
    expect(SUBSCRIPTION_STATUSES.filter(isLive)).toEqual(['trialing', 'active', 'past_due']);
    expect(SUBSCRIPTION_STATUSES.filter(canFoundGroup)).toEqual(['incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused']);
  });
});

describe('an owner is charged on a card if one is available, or an invoice is sent', () => {
  it('keeps an explicit collection, else follows the card on file', () => {
    expect(chooseCollection('send_invoice', 'pm_1')).toEqual({ collection: 'send_invoice', reason: 'requested' });
    expect(chooseCollection('charge_automatically', null)).toEqual({ collection: 'charge_automatically', reason: 'requested' });
    expect(chooseCollection(undefined, 'pm_1')).toEqual({ collection: 'charge_automatically', reason: 'card_on_file' });
    expect(chooseCollection(undefined, null)).toEqual({ collection: 'send_invoice', reason: 'no_card_on_file' });
  });
});

describe('a group user is never charged', () => {
  const base = { planAmount: 1200, promotionCodeId: null, accessCouponId: null };
  it('a paid plan needs the redemption\'s code or, for a claim, the access coupon', () => {
    expect(groupUserDiscount({ ...base, source: 'redemption', promotionCodeId: 'promo_1' })).toEqual({ ok: true, discount: { promotionCode: 'promo_1' } });
    expect(groupUserDiscount({ ...base, source: 'ip_claim', accessCouponId: 'co_1' })).toEqual({ ok: true, discount: { coupon: 'co_1' } });
    expect(groupUserDiscount({ ...base, source: 'email_claim', accessCouponId: 'co_1' })).toEqual({ ok: true, discount: { coupon: 'co_1' } });
    for (const source of ['ip_claim', 'import', 'redemption'] as const) expect(groupUserDiscount({ ...base, source }).ok).toBe(false);
    expect(groupUserDiscount({ ...base, source: 'import', accessCouponId: 'co_1' }).ok).toBe(false);
  });

  it('a free plan needs nothing', () => {
    expect(groupUserDiscount({ ...base, planAmount: 0, source: 'import' })).toEqual({ ok: true, discount: null });
    expect(groupUserDiscount({ ...base, planAmount: 0, source: 'ip_claim', accessCouponId: 'co_1' })).toEqual({ ok: true, discount: null });
  });
});

describe('reports', () => {
  it('count every status but released reservations, and add them up', () => {
    expect(REPORTED_STATUSES).toEqual(['pending', 'incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled', 'incomplete_expired']);
    const a = byStatusOf([1, 0, 0, 3, 1, 0, 0, 2, 0]);
    expect(a).toMatchObject({ pending: 1, active: 3, past_due: 1, canceled: 2 });
    const row = (byStatus: typeof a) => ({ subscriptions: 4, ownerSubscriptions: 0, userSubscriptions: 4, imported: 0, claimed: 0, redemptions: 0, pendingRedemptions: 0, byStatus });
    const sum = totals([row(a), row(byStatusOf([0, 0, 0, 1, 0, 0, 0, 0, 0]))]);
    expect(sum).toMatchObject({ subscriptions: 8, byStatus: { active: 4, canceled: 2, pending: 1 } });
    expect(flattenReportRow({ productId: 'p', ...row(a) })).toMatchObject({ productId: 'p', 'byStatus.active': 3, 'byStatus.canceled': 2 });
  });

  it('name each subscriber\'s way in as the seed does', () => {
    expect([
      exportSource('import', null), exportSource('redemption', 'shared'), exportSource('redemption', 'unique'),
      exportSource('ip_claim', null), exportSource('email_claim', null), exportSource('direct', null),
    ]).toEqual(['import', 'shared_code', 'unique_code', 'ip', 'domain', 'direct']);
  });
});
