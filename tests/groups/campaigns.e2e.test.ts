import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { suiteStack } from '../support/suite';
import { activeCampaign, groupUsers, groupWorkflowIds, groupWorld, redeem, waitFor } from './world';

describe('coupon campaigns on a paid users plan', () => {
  // Redeemers come through a proxy the server trusts, each from their own address.
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, (s) => groupWorld(s, { usersAmount: 1500 }));

  const from = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i % 250}` });

  it('a shared code limited to 5 is redeemed exactly 5 times by 50 people at once', { timeout: 180_000 }, async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'XYZCOUPONCODE', maxRedemptions: 5 });
    expect(campaign).toMatchObject({ mode: 'shared', status: 'active', code: 'XYZCOUPONCODE', maxRedemptions: 5, redemptions: 0, codesCreated: 1 });
    // Every answer counts: a 5xx is a failure, not something to retry until it goes away.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => redeem(s, i % 2 ? 'xyzcouponcode' : 'XYZCOUPONCODE', `rush${i}@xyz.example`, from(i))));
    expect(results.filter((r) => r.status >= 500).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const redeemed = results.filter((r) => r.status === 201);
    expect(redeemed).toHaveLength(5);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(45);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['409 CODE_EXHAUSTED']));
    // Each of the five gets its subscription in Stripe (at once, unless Stripe is slow to answer).
    await waitFor(() => s.sql`select 1 from subscriptions where campaign_id = ${campaign.id} and status = 'active'`, (r) => r.length === 5, 60_000);

    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body).toMatchObject({ redemptions: 5 });
    const [counts] = await s.sql`
      select (select redemptions from campaign_codes where campaign_id = ${campaign.id}) as counter,
             (select count(*)::int from redemptions where campaign_id = ${campaign.id} and status = 'redeemed') as redeemed,
             (select count(*)::int from subscriptions where campaign_id = ${campaign.id} and status = 'active') as subscriptions`;
    expect(counts).toEqual({ counter: 5, redeemed: 5, subscriptions: 5 });
    const subs = await s.call('GET', `/v1/subscriptions?groupId=${w.groupId}&planId=${w.usersPlan.id}`);
    expect(subs.body.items.filter((x: { campaignId: string }) => x.campaignId === campaign.id)).toHaveLength(5);
  });

  it('one address redeems a campaign once, and a group member cannot take a code', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'ONCEEACH', maxRedemptions: 10 });
    expect((await redeem(s, 'ONCEEACH', 'ana@xyz.example')).status).toBe(201);
    const again = await redeem(s, 'ONCEEACH', 'ANA@xyz.example');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REDEEMED');
    await activeCampaign(s, w.groupId, { mode: 'shared', code: 'SECONDWAVE', maxRedemptions: 10 });
    const member = await redeem(s, 'SECONDWAVE', 'ana@xyz.example');
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('ALREADY_SUBSCRIBED');
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.redemptions).toBe(1);
  });

  it('unknown codes are 404, a code in use cannot be created again, whatever its case', async () => {
    const unknown = await redeem(s, 'NOSUCHCODE', 'who@xyz.example');
    expect(unknown.status).toBe(404);
    const dup = await s.call('POST', `/v1/groups/${w.groupId}/campaigns`, { body: { mode: 'shared', code: 'xyzCouponCode', maxRedemptions: 3 } });
    expect(dup.status).toBe(409);
    const bad = await s.call('POST', `/v1/groups/${w.groupId}/campaigns`, { body: { mode: 'shared', code: 'no spaces!', maxRedemptions: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'maxRedemptions']);
    const past = await s.call('POST', `/v1/groups/${w.groupId}/campaigns`, { body: { mode: 'unique', count: 3, endsAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
  });

  it('deactivation stops a campaign at once; repeating it is harmless', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'STOPPED', maxRedemptions: 10 });
    expect((await redeem(s, 'STOPPED', 'early@xyz.example')).status).toBe(201);
    const off = await s.call('POST', `/v1/campaigns/${campaign.id}/deactivate`, { body: {} });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ status: 'deactivated', redemptions: 1, deactivatedAt: expect.any(String) });
    const late = await redeem(s, 'STOPPED', 'late@xyz.example');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CODE_DEACTIVATED');
    expect((await s.call('POST', `/v1/campaigns/${campaign.id}/deactivate`, { body: {} })).status).toBe(200);
    expect(await s.client.workflow.getHandle(`campaign-${campaign.id}`).result()).toBe('deactivated');
    const audit = await s.call('GET', `/v1/audit?entity=campaign&id=${campaign.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create', 'activate', 'deactivate']);
  });

  it('a unique code works once: the next person is refused', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 3 });
    const csv = await s.call('GET', `/v1/campaigns/${campaign.id}/codes`);
    const codes = parseCsv(csv.body).rows.slice(1).map((r) => r.fields[0]!);
    expect(codes).toHaveLength(3);
    expect((await redeem(s, codes[0]!, 'first@xyz.example')).status).toBe(201);
    const second = await redeem(s, codes[0]!, 'second@xyz.example');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CODE_EXHAUSTED');
    expect((await redeem(s, codes[1]!.toLowerCase(), 'second@xyz.example')).status).toBe(201);
    const after = await s.call('GET', `/v1/campaigns/${campaign.id}/codes`);
    expect(after.body).toContain(`${codes[0]},1,1`);
  });

  it('1 000 unique codes survive a worker killed mid-generation: exactly 1 000 distinct codes', { timeout: 300_000 }, async () => {
    const created = await s.call('POST', `/v1/groups/${w.groupId}/campaigns`, { body: { mode: 'unique', count: 1000 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'creating', count: 1000, maxRedemptions: 1000, codesCreated: 0 });
    const id = created.body.id;
    const midway = await waitFor(() => s.call('GET', `/v1/campaigns/${id}`), (r) => r.body.codesCreated > 0, 60_000, 10);
    await s.stopWorker();
    const stopped = (await s.call('GET', `/v1/campaigns/${id}`)).body;
    expect(midway.body.codesCreated).toBeGreaterThan(0);
    expect(stopped.codesCreated).toBeLessThan(1000);
    expect(stopped.status).toBe('creating');

    await s.startWorker();
    const done = await waitFor(() => s.call('GET', `/v1/campaigns/${id}`), (r) => r.body.status === 'active', 180_000, 500);
    expect(done.body).toMatchObject({ status: 'active', codesCreated: 1000 });
    const [db] = await s.sql`
      select count(*)::int as codes, count(distinct upper(code))::int as distinct_codes,
             count(distinct stripe_promotion_code_id)::int as in_stripe, min(n)::int as first, max(n)::int as last
      from campaign_codes where campaign_id = ${id}`;
    expect(db).toEqual({ codes: 1000, distinctCodes: 1000, inStripe: 1000, first: 1, last: 1000 });
    const csv = await s.call('GET', `/v1/campaigns/${id}/codes`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const { rows } = parseCsv(csv.body);
    expect(rows[0]!.fields).toEqual(['code', 'maxRedemptions', 'redemptions']);
    const exported = rows.slice(1).map((r) => r.fields[0]);
    expect(exported).toHaveLength(1000);
    expect(new Set(exported).size).toBe(1000);
    expect(exported.every((c) => /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}$/.test(c!))).toBe(true);
  });

  it('ops find a group\'s campaigns by the group search attribute, and only those', async () => {
    // Another group's campaign must not be listed under this group.
    const other = await groupWorld(s, { usersAmount: 700 });
    const foreign = await activeCampaign(s, other.groupId, { mode: 'shared', code: 'OTHERGROUP', maxRedemptions: 1 });
    const campaigns = await s.sql<{ id: string }[]>`select id from campaigns where group_id = ${w.groupId}`;
    expect(campaigns).toHaveLength(6); // the campaigns the tests above created
    const ids = await groupWorkflowIds(s, w.groupId, 'campaign', campaigns.map((c) => `campaign-${c.id}`));
    expect(ids).toHaveLength(6);
    expect(ids).not.toContain(`campaign-${foreign.id}`);
    expect(await groupWorkflowIds(s, other.groupId, 'campaign', [`campaign-${foreign.id}`])).toEqual([`campaign-${foreign.id}`]);

    const users = await groupUsers(s, w.groupId);
    const [redeemed] = await s.sql`select count(*)::int as n from redemptions r join campaigns c on c.id = r.campaign_id where c.group_id = ${w.groupId} and r.status = 'redeemed'`;
    expect(redeemed!.n).toBeGreaterThan(0);
    expect(users).toHaveLength(redeemed!.n);
    expect(users.map((u) => `${u.source} ${u.status}`)).toEqual(Array(redeemed!.n).fill('redemption active'));
  });
});
