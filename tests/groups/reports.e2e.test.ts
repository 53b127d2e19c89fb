import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { suiteStack } from '../support/suite';
import { activeCampaign, groupWorld, redeem, waitFor } from './world';

describe('subscription reports', () => {
  // A free group (three imported users, one IP claim) of a manager's organization, and a paid one
  // with a shared and a unique campaign (two and one redemptions).
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (s) => {
    const org = await s.organization({ name: 'XYZ partner' });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    const free = await groupWorld(s, { organizationId: org });
    const paid = await groupWorld(s, { usersAmount: 1200 });

    const job = await s.call('POST', `/v1/groups/${free.groupId}/imports`, { body: { users: ['a', 'b', 'c'].map((n) => ({ email: `${n}@xyz.example`, name: n })) } });
    await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`), (j) => j.body.status === 'completed');
    await s.call('POST', `/v1/groups/${free.groupId}/access-rules`, { body: { ipRanges: ['203.0.113.0/24'], emailDomains: [] } });
    const claimed = await s.call('POST', '/v1/public/access-claims', { token: null, body: { groupId: free.groupId, email: 'walkin@else.example', name: 'W' }, headers: { 'x-forwarded-for': '203.0.113.4' } });
    expect(claimed.status).toBe(201);

    const shared: { id: string } = await activeCampaign(s, paid.groupId, { mode: 'shared', code: 'REPORTME', maxRedemptions: 10 });
    const unique: { id: string } = await activeCampaign(s, paid.groupId, { mode: 'unique', count: 2 });
    const code = parseCsv((await s.call('GET', `/v1/campaigns/${unique.id}/codes`)).body).rows[1]!.fields[0]!;
    for (const [c, e] of [['REPORTME', 'r1@xyz.example'], ['REPORTME', 'r2@xyz.example'], [code, 'u1@xyz.example']] as const) {
      expect((await redeem(s, c, e)).status).toBe(201);
    }
    return { manager, free, paid, shared, unique };
  });

  const report = (groupBy: string, o: { token?: string; query?: string; headers?: Record<string, string> } = {}) =>
    s.call('GET', `/v1/reports/subscriptions?groupBy=${groupBy}${o.query ?? ''}`, { token: o.token, headers: o.headers });

  it('segments by product: owners and users apart, imports, claims and redemptions counted', async () => {
    const res = await report('product');
    expect(res.status).toBe(200);
    const row = (id: string) => res.body.items.find((r: { productId: string }) => r.productId === id);
    expect(row(w.free.owners.id)).toMatchObject({ subscriptions: 1, ownerSubscriptions: 1, userSubscriptions: 0 });
    expect(row(w.free.users.id)).toMatchObject({ productName: w.free.users.name, subscriptions: 4, userSubscriptions: 4, imported: 3, claimed: 1, redemptions: 0 });
    expect(row(w.free.users.id).byStatus).toMatchObject({ active: 4, pending: 0, canceled: 0 });
    expect(row(w.paid.users.id)).toMatchObject({ subscriptions: 3, userSubscriptions: 3, imported: 0, redemptions: 3, pendingRedemptions: 0 });
    expect(res.body.totals).toMatchObject({ subscriptions: 9, ownerSubscriptions: 2, userSubscriptions: 7, redemptions: 3 });
  });

  it('segments by plan, group and campaign', async () => {
    const plans = (await report('plan')).body.items;
    expect(plans.find((r: { planId: string }) => r.planId === w.paid.usersPlan.id)).toMatchObject({ planName: w.paid.usersPlan.name, amount: 1200, currency: 'EUR', interval: 'month', redemptions: 3 });
    const groups = (await report('group')).body.items;
    expect(groups.find((r: { groupId: string }) => r.groupId === w.free.groupId)).toMatchObject({ subscriptions: 5, ownerSubscriptions: 1, userSubscriptions: 4, imported: 3, claimed: 1 });
    expect(groups.find((r: { groupId: string }) => r.groupId === w.paid.groupId)).toMatchObject({ subscriptions: 4, redemptions: 3 });
    const campaigns = (await report('campaign')).body.items;
    expect(campaigns.find((r: { campaignId: string }) => r.campaignId === w.shared.id)).toMatchObject({ mode: 'shared', maxRedemptions: 10, redemptions: 2, subscriptions: 2 });
    expect(campaigns.find((r: { campaignId: string }) => r.campaignId === w.unique.id)).toMatchObject({ mode: 'unique', redemptions: 1 });
  });

  it('answers CSV for Accept: text/csv or format=csv', async () => {
    const byAccept = await report('group', { headers: { accept: 'text/csv' } });
    expect(byAccept.status).toBe(200);
    expect(byAccept.headers.get('content-type')).toMatch(/^text\/csv/);
    const { rows } = parseCsv(byAccept.body);
    expect(rows[0]!.fields).toEqual([
      'groupId', 'groupName', 'organizationId', 'usersPlanId', 'subscriptions', 'ownerSubscriptions', 'userSubscriptions', 'imported', 'claimed', 'redemptions', 'pendingRedemptions',
      ...['pending', 'incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled', 'incomplete_expired'].map((st) => `byStatus.${st}`),
    ]);
    const freeRow = rows.find((r) => r.fields[0] === w.free.groupId)!;
    expect(freeRow.fields.slice(4, 9)).toEqual(['5', '1', '4', '3', '1']);
    const byFormat = await report('campaign', { query: '&format=csv' });
    expect(parseCsv(byFormat.body).rows).toHaveLength(3);
  });

  it('managers see what their groups account for, nothing else', async () => {
    const groups = (await report('group', { token: w.manager.token })).body.items;
    expect(groups.map((r: { groupId: string }) => r.groupId)).toEqual([w.free.groupId]);
    const products = (await report('product', { token: w.manager.token })).body;
    expect(products.items.map((r: { productId: string }) => r.productId).sort()).toEqual([w.free.owners.id, w.free.users.id].sort());
    expect(products.totals.redemptions).toBe(0);
    expect((await report('campaign', { token: w.manager.token })).body.items).toEqual([]);
  });

  it('refuses an unknown segmentation', async () => {
    const res = await report('colour');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('groupBy');
  });
});
