import { describe, expect, it } from 'vitest';
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
  });
});

describe('group workflows whose transaction never committed', () => {
  const { s } = suiteStack({ timeSkipping: true, perTest: true });

  it('end as abandoned without touching Stripe or the database', async () => {
    const ghost = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const run = (workflow: string, id: string, args: unknown) => s.client.workflow.execute(workflow, { taskQueue: s.taskQueue, workflowId: id, args: [args] });
    expect(await run('campaignWorkflow', 'campaign-ghost', { campaignId: ghost(1), groupId: ghost(9), endsAt: null })).toBe('abandoned');
    expect(await run('groupSubscriptionWorkflow', 'subscription-ghost', { subscriptionId: ghost(2), groupId: ghost(9) })).toBe('abandoned');
    expect(await run('groupImportWorkflow', 'job-ghost', { jobId: ghost(3), groupId: ghost(9) })).toBe('abandoned');
    const [rows] = await s.sql`select (select count(*) from campaigns)::int + (select count(*) from subscriptions)::int + (select count(*) from customers)::int as n`;
    expect(rows!.n).toBe(0);
  });
});
