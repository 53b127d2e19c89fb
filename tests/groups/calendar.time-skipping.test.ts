import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledActivities } from '../support/history';
import { startTestStack, type TestStack } from '../support/stack';
import { startStripeProxy, type StripeProxy } from '../support/stripe-proxy';
import { eventsAbout } from '../support/events';
import { suiteStack } from '../support/suite';
import { activeCampaign, groupWorld, redeem } from './world';

const DAY = 86_400_000;

// A campaign's end date is a real calendar instant; the time-skipping test server passes the
// 30 days in seconds. Each scenario gets its own server, so its calendar starts today like the API's.
describe('a campaign over real calendar time', () => {
  const { s, w } = suiteStack({ timeSkipping: true, perTest: true }, (s) => groupWorld(s, { usersAmount: 900 }));

  it('is redeemable until its end date, closes exactly then, and refuses codes after with CODE_EXPIRED', async () => {
    const endsAt = new Date(Date.now() + 30 * DAY).toISOString();
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'SPRING30', maxRedemptions: 50, endsAt });
    expect(campaign.endsAt).toBe(endsAt);
    expect((await redeem(s, 'SPRING30', 'day0@xyz.example')).status).toBe(201);

    await s.env!.sleep('29 days');
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.status).toBe('active');
    expect((await redeem(s, 'SPRING30', 'day29@xyz.example')).status).toBe(201);
    await s.env!.sleep('23 hours');
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.status).toBe('active');

    await s.env!.sleep('2 hours');
    expect(await s.client.workflow.getHandle(`campaign-${campaign.id}`).result()).toBe('closed');
    const closed = (await s.call('GET', `/v1/campaigns/${campaign.id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', closedAt: endsAt, redemptions: 2 });
    const announced = await eventsAbout(s.sql, 'campaign.closed', 'campaignId', campaign.id);
    expect(announced.map((e) => e.data)).toEqual([{ campaignId: campaign.id, groupId: w.groupId, status: 'closed', redemptions: 2 }]);
    const late = await redeem(s, 'SPRING30', 'day31@xyz.example');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CODE_EXPIRED');
  });

  it('a deactivation signal cuts the wait short: deactivated on day 3, never closed', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 5, endsAt: new Date(Date.now() + 30 * DAY).toISOString() });
    await s.env!.sleep('3 days');
    expect((await s.call('POST', `/v1/campaigns/${campaign.id}/deactivate`, { body: {} })).body.status).toBe('deactivated');
    expect(await s.client.workflow.getHandle(`campaign-${campaign.id}`).result()).toBe('deactivated');
    await s.env!.sleep('40 days');
    const after = (await s.call('GET', `/v1/campaigns/${campaign.id}`)).body;
    expect(after).toMatchObject({ status: 'deactivated', closedAt: null });
    expect(await eventsAbout(s.sql, 'campaign.closed', 'campaignId', campaign.id)).toHaveLength(0);
  });
});

describe('group workflows whose transaction never committed', () => {
  // Every Stripe request of this stack goes through a counting proxy in front of stripe-mock.
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

  it('end as abandoned without touching Stripe or the database', async () => {
    // The proxy sees this stack's Stripe calls: setting a group up creates its catalog through it.
    await groupWorld(s);
    expect(stripe.calls.filter((c) => c.method === 'POST' && c.path === '/v1/products')).toHaveLength(2);
    const callsBefore = stripe.calls.length;
    const tables = async () => s.sql`
      select (select count(*) from campaigns)::int as campaigns, (select count(*) from subscriptions)::int as subscriptions,
             (select count(*) from customers)::int as customers, (select count(*) from audit_events)::int as audit`;
    const before = await tables();

    const ghost = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const run = async (workflow: string, id: string, args: unknown) => {
      const handle = await s.client.workflow.start(workflow, { taskQueue: s.taskQueue, workflowId: id, args: [args] });
      return { handle, result: await handle.result() };
    };
    const runs = [
      await run('campaignWorkflow', 'campaign-ghost', { campaignId: ghost(1), groupId: ghost(9), endsAt: null }),
      await run('groupSubscriptionWorkflow', 'subscription-ghost', { subscriptionId: ghost(2), groupId: ghost(9) }),
      await run('groupImportWorkflow', 'job-ghost', { jobId: ghost(3), groupId: ghost(9) }),
    ];
    expect(runs.map((r) => r.result)).toEqual(['abandoned', 'abandoned', 'abandoned']);
    // Each looked for its row until the commit check gave up, and did nothing else.
    for (const { handle } of runs) expect(await scheduledActivities(handle)).toEqual(['awaitRecord']);
    expect(stripe.calls).toHaveLength(callsBefore);
    expect(await tables()).toEqual(before);
  });
});
