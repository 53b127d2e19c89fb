import { describe, expect, it } from 'vitest';
import { accessVia } from '../../src/domain/groups/access';
import { CAMPAIGN_STATUSES, CAMPAIGN_TRANSITIONS, campaignRefusal, canTransition, deactivation, isFinal, redemptionRefusal } from '../../src/domain/groups/campaigns';
import { attemptsLeft, verificationRefusal } from '../../src/domain/groups/claims';
import { CampaignFailure, ClaimRefusal, GroupImportFailure, GroupSubscriptionFailure, RedemptionRefusal, StripeErrorCode } from '../../src/domain/groups/failures';
import { awaitsStripe, claimSource, existsInStripe, holdsPlace, redemptionStatus, SUBSCRIPTION_STATUSES } from '../../src/domain/groups/subscriptions';

describe('a campaign moves creating → active → closed | deactivated', () => {
  it('is activated only while being created, closed or deactivated only while open', () => {
    const allowed = (t: keyof typeof CAMPAIGN_TRANSITIONS) => CAMPAIGN_STATUSES.filter((s) => canTransition(s, t));
    expect(allowed('activate')).toEqual(['creating']);
    expect(allowed('close')).toEqual(['creating', 'active']);
    expect(allowed('deactivate')).toEqual(['creating', 'active']);
    expect(CAMPAIGN_STATUSES.filter(isFinal)).toEqual(['closed', 'deactivated']);
  });

  it('deactivating again changes nothing; a closed campaign refuses', () => {
    expect(CAMPAIGN_STATUSES.map((s) => [s, deactivation(s)])).toEqual([
      ['creating', 'deactivate'], ['active', 'deactivate'], ['closed', 'refuse'], ['deactivated', 'noop'],
    ]);
  });

  it('redeems only an active campaign before its end date, while the code has room, refusals in the order a user can act on', () => {
    const code = { status: 'active' as const, expired: false, redemptions: 0, maxRedemptions: 1 };
    expect(redemptionRefusal(code)).toBeUndefined();
    expect(redemptionRefusal({ ...code, redemptions: 1 })?.code).toBe('CODE_EXHAUSTED');
    expect(redemptionRefusal({ ...code, expired: true, redemptions: 1 })?.code).toBe('CODE_EXPIRED');
    expect(redemptionRefusal({ ...code, status: 'closed' })?.code).toBe('CODE_EXPIRED');
    expect(redemptionRefusal({ ...code, status: 'creating' })).toEqual({ code: 'INVALID_STATE', message: 'This code is not active yet; try again shortly' });
    expect(redemptionRefusal({ ...code, status: 'deactivated', expired: true })?.code).toBe('CODE_DEACTIVATED');
    expect(campaignRefusal({ status: 'active', expired: false })).toBeUndefined();
  });
});

describe('a group user\'s subscription is reserved, then created in Stripe or released', () => {
  it('only a pending one waits for Stripe; Stripe\'s statuses exist there; a released or ended one frees its place', () => {
    expect(SUBSCRIPTION_STATUSES.filter(awaitsStripe)).toEqual(['pending']);
    expect(SUBSCRIPTION_STATUSES.filter(existsInStripe)).toEqual(['incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled', 'incomplete_expired']);
    expect(SUBSCRIPTION_STATUSES.filter(holdsPlace)).toEqual(['pending', 'incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused']);
    expect(SUBSCRIPTION_STATUSES.filter((s) => redemptionStatus(s) === 'pending')).toEqual(['pending', 'failed']);
    expect([claimSource('ip'), claimSource('email_domain')]).toEqual(['ip_claim', 'email_claim']);
  });
});

describe('access claims', () => {
  const rules = { ipRanges: ['203.0.113.0/24'], emailDomains: ['xyz.example'] };

  it('match the network address first, then the e-mail domain', () => {
    expect(accessVia(rules, '203.0.113.9', 'ana@xyz.example')).toBe('ip');
    expect(accessVia(rules, '198.51.100.1', 'ana@dept.xyz.example')).toBe('email_domain');
    expect(accessVia(rules, '198.51.100.1', 'eve@else.example')).toBeUndefined();
    expect(accessVia(undefined, '203.0.113.9', 'ana@xyz.example')).toBeUndefined();
  });

  it('take five wrong codes, and no code once locked or expired', () => {
    const now = Date.now();
    expect([0, 1, 4, 5].map(attemptsLeft)).toEqual([5, 4, 1, 0]);
    expect(verificationRefusal({ status: 'verifying', codeExpiresAt: new Date(now + 1000) }, now)).toBeUndefined();
    expect(verificationRefusal({ status: 'verifying', codeExpiresAt: new Date(now) }, now)?.code).toBe('CODE_EXPIRED');
    expect(verificationRefusal({ status: 'locked', codeExpiresAt: new Date(now + 1000) }, now)?.code).toBe('CODE_EXHAUSTED');
  });
});

describe('failure types', () => {
  it('keep the values recorded in running histories and the problem codes clients see', () => {
    expect(GroupSubscriptionFailure).toEqual({ STRIPE_REFUSED: 'StripeRefused', NOTHING_TO_PROVISION: 'NothingToProvision' });
    expect(CampaignFailure).toEqual({ CAMPAIGN_NOT_FOUND: 'CampaignNotFound', STRIPE_NOT_CONNECTED: 'StripeNotConnected', COUPON_MISSING: 'CouponMissing' });
    expect(GroupImportFailure).toEqual({ GROUP_NOT_FOUND: 'GroupNotFound' });
    expect(Object.values(RedemptionRefusal)).toEqual(['CODE_DEACTIVATED', 'CODE_EXPIRED', 'INVALID_STATE', 'CODE_EXHAUSTED', 'ALREADY_REDEEMED', 'ALREADY_SUBSCRIBED']);
    expect(Object.values(ClaimRefusal)).toEqual(['CODE_EXHAUSTED', 'CODE_EXPIRED', 'VERIFICATION_FAILED']);
    expect(StripeErrorCode.RESOURCE_MISSING).toBe('resource_missing');
  });
});
