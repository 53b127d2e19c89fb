import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { startStripeProxy, type StripeProxy } from '../support/stripe-proxy';
import { waitFor } from '../support/wait';
import { activeCampaign, groupWorld, redeem } from './world';

// Stripe unreachable: the stack's Stripe client goes through a proxy in front of stripe-mock, and
// the proxy's port is closed (nothing listens behind it). The workflows retry on their real
// schedules; the time-skipping test server passes the hours.
describe('Stripe unreachable for hours (time skipping)', () => {
  let stripe: StripeProxy;
  let s: TestStack;
  beforeAll(async () => {
    stripe = await startStripeProxy();
    s = await startTestStack({ timeSkipping: true, stripeUrl: stripe.url });
  });
  afterAll(async () => {
    await s?.close();
    await stripe?.close();
  });

  const pendingAttempt = async (workflowId: string, activity: string) => {
    const d = await s.client.workflow.getHandle(workflowId).describe();
    const a = (d.raw.pendingActivities ?? []).find((p) => p.activityType?.name === activity);
    return { attempt: a?.attempt ?? 0, failure: a?.lastFailure?.message ?? '' };
  };

  it('a redemption stays counted while Stripe is retried, then after about two hours is released: the code is free again', { timeout: 240_000 }, async () => {
    const w = await groupWorld(s, { usersAmount: 900 });
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'OUTAGE', maxRedemptions: 1 });
    await stripe.down();
    const callsWhenDown = stripe.calls.length;

    // The API waits (20 s) for Stripe, then answers what it knows: counted, still being created.
    const res = await redeem(s, 'OUTAGE', 'patient@xyz.example');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', subscriptionStatus: 'pending' });
    const workflowId = `subscription-${res.body.subscriptionId}`;
    const counted = async () => (await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.redemptions;
    expect(await counted()).toBe(1);
    expect((await redeem(s, 'OUTAGE', 'someone-else@xyz.example')).body.code).toBe('CODE_EXHAUSTED');

    // One hour in: still retrying (the connection is refused), still counted.
    await s.env!.sleep('1 hour');
    const early = await pendingAttempt(workflowId, 'provisionGroupSubscription');
    expect(early.attempt).toBeGreaterThan(10);
    expect(early.failure).toMatch(/connect|ECONNREFUSED|Stripe/i);
    expect((await s.call('GET', `/v1/subscriptions/${res.body.subscriptionId}`)).body.status).toBe('pending');
    expect(await counted()).toBe(1);

    // Past the retry schedule (30 attempts, about two hours): the compensation releases it.
    await s.env!.sleep('2 hours');
    expect(await s.client.workflow.getHandle(workflowId).result()).toBe('failed');
    const history = (await s.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const started = history.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes!.attempt);
    expect(started[1]).toBe(30); // after the commit check: the provisioning's last attempt was its 30th
    const [state] = await s.sql`
      select (select redemptions from campaign_codes where campaign_id = ${campaign.id}) as counter,
             (select string_agg(status, ',') from redemptions where campaign_id = ${campaign.id}) as redemptions,
             (select string_agg(status || ':' || coalesce(failure, ''), ',') from subscriptions where id = ${res.body.subscriptionId}) as subscription`;
    expect(state).toMatchObject({ counter: 0, redemptions: 'released' });
    expect(state!.subscription).toMatch(/^failed:stripe: /);
    const audit = await s.call('GET', `/v1/audit?entity=subscription&id=${res.body.subscriptionId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['reserve', 'release']);
    // Nothing reached Stripe while it was down.
    expect(stripe.calls).toHaveLength(callsWhenDown);

    // Stripe back: the code works again, for the same person.
    await stripe.up();
    const again = await redeem(s, 'OUTAGE', 'patient@xyz.example');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'redeemed', subscriptionStatus: 'active' });
    expect(await counted()).toBe(1);
  });

  it('a campaign stays creating while Stripe is down, refusing its code, and is created once Stripe is back', { timeout: 240_000 }, async () => {
    const w = await groupWorld(s, { usersAmount: 900 });
    await stripe.down();
    const callsWhenDown = stripe.calls.length;
    const created = await s.call('POST', `/v1/groups/${w.groupId}/campaigns`, { body: { mode: 'shared', code: 'LATEBLOOM', maxRedemptions: 5 } });
    expect(created.status).toBe(201);
    const id = created.body.id;

    await s.env!.sleep('1 hour');
    const stuck = await pendingAttempt(`campaign-${id}`, 'createCampaignCoupon');
    expect(stuck.attempt).toBeGreaterThan(10);
    expect((await s.call('GET', `/v1/campaigns/${id}`)).body).toMatchObject({ status: 'creating', codesCreated: 0 });
    const early = await redeem(s, 'LATEBLOOM', 'early@xyz.example');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_STATE');
    expect(stripe.calls).toHaveLength(callsWhenDown);

    // Back: the next attempt (at most 5 minutes later) creates the coupon and the code, once each.
    await stripe.up();
    await s.env!.sleep('6 minutes');
    const active = await waitFor(() => s.call('GET', `/v1/campaigns/${id}`), (r) => r.body.status === 'active', { what: 'the campaign to be active' });
    expect(active.body).toMatchObject({ status: 'active', codesCreated: 1 });
    const coupons = stripe.calls.filter((c) => c.method === 'POST' && c.path === '/v1/coupons' && c.idempotencyKey === `campaign-${id}-coupon`);
    expect(coupons).toHaveLength(1);
    expect((await redeem(s, 'LATEBLOOM', 'early@xyz.example')).status).toBe(201);
  });
});
