import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { claim, codeMailedTo, groupUsers, groupWorld, verify } from './world';

// "IP and domain access for group users can also be configured on each plan." (seed 003) — on a
// paid users plan too, granting the subscription free through a 100 %-off coupon, as a campaign does.
describe('IP and e-mail-domain access on a paid users plan', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, (s) => groupWorld(s, { usersAmount: 1200 }));

  const setRules = (groupId: string) =>
    s.call('POST', `/v1/groups/${groupId}/access-rules`, { body: { ipRanges: ['203.0.113.0/24'], emailDomains: ['xyz.example'] } });
  /** The discount the subscription was created with in Stripe, as its activation was audited. */
  const discountOf = async (subscriptionId: string) => {
    const audit = await s.call('GET', `/v1/audit?entity=subscription&id=${subscriptionId}`);
    return audit.body.items.find((e: { action: string }) => e.action === 'activate')?.after.discount;
  };

  it('the rules come with a 100 %-off Stripe coupon, created once', async () => {
    const first = await setRules(w.groupId);
    expect(first.status).toBe(201);
    expect(first.body.stripeCouponId).toEqual(expect.any(String));
    const again = await setRules(w.groupId);
    expect(again.body.stripeCouponId).toBe(first.body.stripeCouponId);
    expect((await s.call('GET', `/v1/groups/${w.groupId}`)).body.accessRules.stripeCouponId).toBe(first.body.stripeCouponId);
  });

  it('a claim from a listed network is subscribed to the paid plan free, through the coupon', async () => {
    const coupon = (await s.call('GET', `/v1/groups/${w.groupId}`)).body.accessRules.stripeCouponId;
    const res = await claim(s, w.groupId, 'walkin@anywhere.example', { 'x-forwarded-for': '203.0.113.20' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'granted', via: 'ip', subscriptionStatus: 'active' });
    const sub = (await s.call('GET', `/v1/subscriptions/${res.body.subscriptionId}`)).body;
    expect(sub).toMatchObject({ planId: w.usersPlan.id, source: 'ip_claim', status: 'active', stripeSubscriptionId: expect.stringMatching(/^sub_/) });
    expect(await discountOf(sub.id)).toEqual({ coupon });
  });

  it('an address in a listed domain proves itself, then is subscribed free the same way', async () => {
    const coupon = (await s.call('GET', `/v1/groups/${w.groupId}`)).body.accessRules.stripeCouponId;
    const res = await claim(s, w.groupId, 'ana@xyz.example', { 'x-forwarded-for': '198.51.100.7' });
    expect(res.status).toBe(202);
    const ok = await verify(s, res.body.id, await codeMailedTo(s, 'ana@xyz.example'));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'granted', via: 'email_domain', subscriptionStatus: 'active' });
    expect(await discountOf(ok.body.subscriptionId)).toEqual({ coupon });
  });

  it('without its coupon (rules set before coupons existed), a paid plan is never claimed: refused, nothing created, until the rules are set again', async () => {
    const other = await groupWorld(s, { usersAmount: 900 });
    expect((await setRules(other.groupId)).status).toBe(201);
    await s.sql`update group_access_rules set stripe_coupon_id = null where group_id = ${other.groupId}`;
    const customers = (await s.sql`select count(*)::int as n from customers`)[0]!.n;

    const refused = await claim(s, other.groupId, 'first@anywhere.example', { 'x-forwarded-for': '203.0.113.30' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'INVALID_STATE', detail: expect.stringContaining('access coupon') });
    expect(await groupUsers(s, other.groupId)).toHaveLength(0);
    expect((await s.sql`select count(*)::int as n from access_claims where group_id = ${other.groupId}`)[0]!.n).toBe(0);
    expect((await s.sql`select count(*)::int as n from customers`)[0]!.n).toBe(customers);

    const reset = await setRules(other.groupId);
    expect(reset.body.stripeCouponId).toEqual(expect.any(String));
    const granted = await claim(s, other.groupId, 'first@anywhere.example', { 'x-forwarded-for': '203.0.113.30' });
    expect(granted.status).toBe(201);
    expect(await discountOf(granted.body.subscriptionId)).toEqual({ coupon: reset.body.stripeCouponId });
  });

  it('imports stay for free plans: a paid plan would bill every imported user', async () => {
    const res = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: [{ email: 'x@xyz.example', name: 'X' }] } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
  });
});
