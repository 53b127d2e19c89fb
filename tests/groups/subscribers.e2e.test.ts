import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { suiteStack } from '../support/suite';
import type { TestStack } from '../support/stack';
import { activeCampaign, claim, codeMailedTo, groupWorld, redeem, stripeEvent, stripeSubscription, verify, waitFor } from './world';

const COLUMNS = [
  'subscriptionId', 'customerId', 'customerName', 'email', 'productId', 'productName', 'planId', 'planName', 'groupId', 'groupName',
  'role', 'source', 'campaignId', 'status', 'live', 'stripeSubscriptionId', 'createdAt', 'activatedAt', 'statusAt', 'endedAt',
];

async function importUsers(s: TestStack, groupId: string, emails: string[]) {
  const job = await s.call('POST', `/v1/groups/${groupId}/imports`, { body: { users: emails.map((email) => ({ email, name: email.split('@')[0] })) } });
  const done = await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`), (j) => j.body.status !== 'running', 240_000);
  if (done.body.processed !== emails.length) throw new Error(`import failed: ${JSON.stringify(done.body)}`);
}

/** The export as a user opens it: CSV records keyed by the header. */
function records(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv).rows;
  expect(header!.fields).toEqual(COLUMNS);
  return rows.map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r.fields[i]!])));
}

// "All our reports and exports are easily segmented by-products or plans" (seed 003): one row per
// subscriber, with how they came in.
describe('exporting subscribers', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (s) => {
    const org = await s.organization({ name: 'XYZ partner' });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    const free = await groupWorld(s, { organizationId: org });
    const paid = await groupWorld(s, { usersAmount: 1200 });

    await importUsers(s, free.groupId, ['imp1@xyz.example', 'imp2@xyz.example']);
    await s.call('POST', `/v1/groups/${free.groupId}/access-rules`, { body: { ipRanges: ['203.0.113.0/24'], emailDomains: ['xyz.example'] } });
    expect((await claim(s, free.groupId, 'walkin@else.example', { 'x-forwarded-for': '203.0.113.4' })).status).toBe(201);
    const pending = await claim(s, free.groupId, 'dom@xyz.example', { 'x-forwarded-for': '198.51.100.4' });
    expect((await verify(s, pending.body.id, await codeMailedTo(s, 'dom@xyz.example'))).status).toBe(201);

    const shared: { id: string } = await activeCampaign(s, paid.groupId, { mode: 'shared', code: 'EXPORTME', maxRedemptions: 5 });
    const unique: { id: string } = await activeCampaign(s, paid.groupId, { mode: 'unique', count: 1 });
    const code = parseCsv((await s.call('GET', `/v1/campaigns/${unique.id}/codes`)).body).rows[1]!.fields[0]!;
    expect((await redeem(s, 'EXPORTME', 'shared@xyz.example')).status).toBe(201);
    expect((await redeem(s, code, 'unique@xyz.example')).status).toBe(201);
    return { manager, free, paid, shared, unique };
  });

  const exportCsv = (query = '', token?: string) => s.call('GET', `/v1/reports/subscribers${query}`, { token, headers: { accept: 'text/csv' } });

  it('lists every subscriber with customer, e-mail, product, plan, group, source, status and dates', async () => {
    const res = await exportCsv();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('subscribers.csv');
    const rows = records(res.body);
    const mine = rows.filter((r) => r.groupId === w.free.groupId || r.groupId === w.paid.groupId);
    expect(mine).toHaveLength(8);
    const by = (email: string) => mine.find((r) => r.email === email)!;
    expect(by('imp1@xyz.example')).toMatchObject({
      source: 'import', role: 'user', groupName: w.free.group.name, productId: w.free.users.id, productName: w.free.users.name,
      planId: w.free.usersPlan.id, planName: w.free.usersPlan.name, status: 'active', live: 'true', customerName: 'imp1',
    });
    expect(by('imp1@xyz.example').createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(by('imp1@xyz.example').activatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect([by('walkin@else.example').source, by('dom@xyz.example').source, by('shared@xyz.example').source, by('unique@xyz.example').source])
      .toEqual(['ip', 'domain', 'shared_code', 'unique_code']);
    expect(by('shared@xyz.example').campaignId).toBe(w.shared.id);
    const owners = mine.filter((r) => r.role === 'owner');
    expect(owners.map((r) => [r.source, r.productId, r.email]).sort()).toEqual(
      [['direct', w.free.owners.id, w.free.owner.email], ['direct', w.paid.owners.id, w.paid.owner.email]].sort(),
    );
  });

  it('is segmented by product or plan, and filtered by product, plan or group', async () => {
    const byPlan = records((await exportCsv(`?planId=${w.free.usersPlan.id}`)).body);
    expect(byPlan.map((r) => r.email).sort()).toEqual(['dom@xyz.example', 'imp1@xyz.example', 'imp2@xyz.example', 'walkin@else.example']);
    const byProduct = records((await exportCsv(`?productId=${w.paid.users.id}&format=csv`)).body);
    expect(byProduct.map((r) => r.source).sort()).toEqual(['shared_code', 'unique_code']);
    const byGroup = records((await exportCsv(`?groupId=${w.paid.groupId}`)).body);
    expect(byGroup).toHaveLength(3);

    const segmented = records((await exportCsv('?groupBy=plan')).body).filter((r) => r.groupId === w.free.groupId);
    const planOrder = segmented.map((r) => r.planId);
    // One run per plan: the owner's plan and the users' plan each come together, users by e-mail.
    expect(planOrder.filter((p, i) => p !== planOrder[i - 1])).toHaveLength(2);
    expect(segmented.filter((r) => r.role === 'user').map((r) => r.email)).toEqual(['dom@xyz.example', 'imp1@xyz.example', 'imp2@xyz.example', 'walkin@else.example']);
  });

  it('shows what Stripe says: a canceled subscriber is listed as canceled, not live, with its end', async () => {
    const target = records((await exportCsv(`?groupId=${w.free.groupId}`)).body).find((r) => r.email === 'imp2@xyz.example')!;
    const ended = Math.floor(Date.now() / 1000) - 5;
    const event = await stripeEvent(s, 'customer.subscription.deleted', stripeSubscription(
      { stripeSubscriptionId: target.stripeSubscriptionId!, id: target.subscriptionId! }, 'canceled', { canceled_at: ended, ended_at: ended },
    ));
    expect(event.body.result).toBe('applied');
    const canceled = records((await exportCsv('?status=canceled')).body);
    expect(canceled.map((r) => r.email)).toEqual(['imp2@xyz.example']);
    expect(canceled[0]).toMatchObject({ status: 'canceled', live: 'false', endedAt: new Date(ended * 1000).toISOString() });
  });

  it('answers JSON too', async () => {
    const res = await s.call('GET', `/v1/reports/subscribers?groupId=${w.paid.groupId}&format=json`);
    expect(res.status).toBe(200);
    expect(res.body.generatedAt).toEqual(expect.any(String));
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items.find((r: { email: string }) => r.email === 'unique@xyz.example')).toMatchObject({ source: 'unique_code', live: true, role: 'user', groupId: w.paid.groupId });
  });

  it('managers export their groups only; bad filters are refused, naming what is wrong', async () => {
    const theirs = records((await exportCsv('', w.manager.token)).body);
    expect(theirs).toHaveLength(5);
    expect(new Set(theirs.map((r) => r.groupId))).toEqual(new Set([w.free.groupId]));
    expect((await exportCsv(`?groupId=${w.paid.groupId}`, w.manager.token)).status).toBe(404);
    expect((await exportCsv('?productId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await exportCsv('?groupBy=colour&planId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['groupBy', 'planId']);
    expect((await s.call('GET', '/v1/reports/subscribers', { token: null })).status).toBe(401);
  });
});

describe('exporting many subscribers', () => {
  const { s, w } = suiteStack({}, async (s) => {
    const world = await groupWorld(s);
    const emails = Array.from({ length: 1201 }, (_, i) => `member${String(i).padStart(4, '0')}@big.example`);
    await importUsers(s, world.groupId, emails);
    return { ...world, emails };
  });

  it('streams every row, in order, across the database cursor\'s batches', async () => {
    const res = await s.call('GET', `/v1/reports/subscribers?groupId=${w.groupId}&groupBy=group`, { headers: { accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    const rows = records(res.body);
    expect(rows).toHaveLength(1202);
    expect(rows.filter((r) => r.role === 'user').map((r) => r.email)).toEqual(w.emails);
  });
});
