import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { holdLock } from '../support/races';
import type { ApiResult } from '../support/stack';
import { suiteStack } from '../support/suite';
import { waitFor } from '../support/wait';
import { activeCampaign, claim, groupWorld, redeem } from './world';

// Public callers reach the API through a proxy the server trusts, each from their own address.
const from = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}` });

describe('redemptions racing each other and a deactivation', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, (s) => groupWorld(s, { usersAmount: 1200 }));

  it('5 unique codes, each tried by 4 people at once: every code is redeemed exactly once, never a 5xx', { timeout: 120_000 }, async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 5 });
    const codes = parseCsv((await s.call('GET', `/v1/campaigns/${campaign.id}/codes`)).body).rows.slice(1).map((r) => r.fields[0]!);
    expect(codes).toHaveLength(5);

    // Each code's row is where its redemptions queue: hold them all until the redemptions wait together.
    const held = await holdLock(s.dbUrl, (tx) => tx`select 1 from campaign_codes where campaign_id = ${campaign.id} for update`);
    const attempts = Array.from({ length: 20 }, (_, i) => ({ code: codes[i % 5]!, answer: redeem(s, codes[i % 5]!, `unique${i}@xyz.example`, from(i)) }));
    try {
      await held.waitForWaiters(10, 'redemptions of the unique codes');
    } finally {
      await held.release();
    }
    const results = await Promise.all(attempts.map(async (a) => ({ code: a.code, res: await a.answer })));
    expect(results.filter((r) => r.res.status >= 500)).toEqual([]);
    for (const code of codes) {
      const mine = results.filter((r) => r.code === code).map((r) => `${r.res.status} ${r.res.body.code ?? r.res.body.status}`).sort();
      expect(mine, code).toEqual(['201 redeemed', '409 CODE_EXHAUSTED', '409 CODE_EXHAUSTED', '409 CODE_EXHAUSTED']);
    }
    const [counts] = await s.sql`
      select (select array_agg(redemptions order by n) from campaign_codes where campaign_id = ${campaign.id}) as per_code,
             (select count(*)::int from redemptions where campaign_id = ${campaign.id} and status = 'redeemed') as redeemed,
             (select count(*)::int from subscriptions where campaign_id = ${campaign.id} and status = 'active') as subscriptions`;
    expect(counts).toEqual({ perCode: [1, 1, 1, 1, 1], redeemed: 5, subscriptions: 5 });
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.redemptions).toBe(5);
  });

  it('a deactivation among redemptions: those before it are redeemed, those after it get CODE_DEACTIVATED, none in between', { timeout: 120_000 }, async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'RACEOFF', maxRedemptions: 100 });
    // Redemptions share-lock the campaign row and a deactivation writes it: hold it, and let them
    // queue in a known order — eight redemptions, the deactivation, eight more.
    const held = await holdLock(s.dbUrl, (tx) => tx`select 1 from campaigns where id = ${campaign.id} for update`);
    const redeemers = (first: number) => Array.from({ length: 8 }, (_, k) => redeem(s, 'RACEOFF', `raceoff${first + k}@xyz.example`, from(100 + first + k)));
    let before: Promise<ApiResult>[] = [];
    let after: Promise<ApiResult>[] = [];
    let deactivation: Promise<ApiResult> | undefined;
    try {
      before = redeemers(0);
      await held.waitForWaiters(8, 'the first redemptions');
      deactivation = s.call('POST', `/v1/campaigns/${campaign.id}/deactivate`, { body: {} });
      await held.waitForWaiters(9, 'the deactivation behind them');
      after = redeemers(8);
      await held.waitForWaiters(17, 'the later redemptions behind the deactivation');
    } finally {
      await held.release();
    }
    const off = await deactivation!;
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('deactivated');
    const early = await Promise.all(before);
    const late = await Promise.all(after);
    expect(early.map((r) => `${r.status} ${r.body.status}`)).toEqual(Array(8).fill('201 redeemed'));
    expect(late.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(8).fill('409 CODE_DEACTIVATED'));

    // The counts agree, and every counted redemption was written before the deactivation.
    const [counts] = await s.sql`
      select (select redemptions from campaign_codes where campaign_id = ${campaign.id}) as counter,
             (select count(*)::int from redemptions where campaign_id = ${campaign.id}) as redemptions,
             (select count(*)::int from subscriptions where campaign_id = ${campaign.id} and status = 'active') as subscriptions`;
    expect(counts).toEqual({ counter: 8, redemptions: 8, subscriptions: 8 });
    const [order] = await s.sql`
      select (select max(a.id) from audit_events a join redemptions r on a.entity = 'redemption' and a.entity_id = r.id::text where r.campaign_id = ${campaign.id}) as last_redemption,
             (select min(id) from audit_events where entity = 'campaign' and entity_id = ${campaign.id} and action = 'deactivate') as deactivation`;
    expect(Number(order!.lastRedemption)).toBeLessThan(Number(order!.deactivation));
    expect(await s.client.workflow.getHandle(`campaign-${campaign.id}`).result()).toBe('deactivated');
  });
});

describe('one address coming in by claims, a redemption and an import at the same moment', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (s) => {
    const world = await groupWorld(s);
    const rules = await s.call('POST', `/v1/groups/${world.groupId}/access-rules`, { body: { ipRanges: ['198.51.100.0/24'], emailDomains: [] } });
    if (rules.status !== 201) throw new Error(`access rules: ${JSON.stringify(rules.body)}`);
    const campaign = await activeCampaign(s, world.groupId, { mode: 'shared', code: 'ONEADDRESS', maxRedemptions: 10 });
    return { ...world, campaign };
  });

  it('ends with exactly one subscription for the address; every other way in is told it is in already', { timeout: 120_000 }, async () => {
    const email = 'dana@xyz.example';
    // Every way in reserves a customer first: hold the table until all of them wait there together.
    const held = await holdLock(s.dbUrl, (tx) => tx`lock table customers in share mode`);
    const claims = [1, 2, 3].map((i) => claim(s, w.groupId, i === 2 ? 'Dana@XYZ.example' : email, from(i)));
    const redemptions = [4, 5, 6].map((i) => redeem(s, 'ONEADDRESS', i === 5 ? 'DANA@xyz.example' : email, from(i)));
    const job = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: [{ email, name: 'Dana' }, { email: 'eve@xyz.example', name: 'Eve' }] } });
    expect(job.status).toBe(202);
    try {
      await held.waitForWaiters(7, 'three claims, three redemptions and the import of the same address');
    } finally {
      await held.release();
    }
    const claimed = await Promise.all(claims);
    const redeemed = await Promise.all(redemptions);
    const done = await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`), (j) => j.body.status === 'completed', { what: 'the import to complete' });
    expect(done.body).toMatchObject({ processed: 2, failed: 0 });
    const rows = (await s.call('GET', `/v1/groups/${w.groupId}/imports/${job.body.id}`)).body.rows as { email: string; status: string; subscriptionId: string | null }[];
    const danaRow = rows.find((r) => r.email === email)!;

    const live = await s.sql<{ id: string; source: string; status: string }[]>`
      select id, source, status from subscriptions where group_id = ${w.groupId} and lower(email) = ${email} and status <> 'failed'`;
    expect(live).toHaveLength(1);
    const winner = live[0]!;
    expect(winner.status).toBe('active');
    const [all] = await s.sql`select count(*)::int as n from subscriptions where group_id = ${w.groupId} and lower(email) = ${email}`;
    expect(all!.n).toBe(1);

    // Exactly one way in created it; every other one was answered as documented, never with a 5xx.
    const answers = [...claimed, ...redeemed];
    expect(answers.filter((r) => r.status >= 500)).toEqual([]);
    const winners = [...claimed.filter((r) => r.status === 201), ...redeemed.filter((r) => r.status === 201)].length + (danaRow.status === 'created' ? 1 : 0);
    expect(winners).toBe(1);
    const losers = [...claimed, ...redeemed].filter((r) => r.status !== 201);
    expect(losers).toHaveLength(danaRow.status === 'created' ? 6 : 5);
    for (const c of claimed.filter((r) => r.status !== 201)) {
      expect(c.status).toBe(200);
      expect(c.body).toMatchObject({ status: 'granted', existing: true, subscriptionId: winner.id });
    }
    for (const r of redeemed.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe(winner.source === 'redemption' ? 'ALREADY_REDEEMED' : 'ALREADY_SUBSCRIBED');
    }
    if (danaRow.status !== 'created') expect(danaRow.status).toBe('existing');
    const grantedClaim = claimed.find((r) => r.status === 201);
    if (grantedClaim) expect(grantedClaim.body.subscriptionId).toBe(winner.id);
    const [counter] = await s.sql`select redemptions from campaign_codes where campaign_id = ${w.campaign.id}`;
    expect(counter!.redemptions).toBe(winner.source === 'redemption' ? 1 : 0);
  });
});
