import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { groupUsers, groupWorld, stripeEvent, stripeInvoice, stripeSeconds, stripeSubscription, waitFor } from './world';

describe('the local copy follows Stripe', () => {
  // A free group with three imported users; its owner invoiced.
  const { s, w } = suiteStack({}, async (s) => {
    const world = await groupWorld(s);
    const job = await s.call('POST', `/v1/groups/${world.groupId}/imports`, {
      body: { users: ['ana', 'bo', 'cy'].map((n) => ({ email: `${n}@xyz.example`, name: n })) },
    });
    const done = await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`), (j) => j.body.status !== 'running', 60_000);
    if (done.body.processed !== 3) throw new Error(`import failed: ${JSON.stringify(done.body)}`);
    return world;
  });

  const subscription = async (id: string) => (await s.call('GET', `/v1/subscriptions/${id}`)).body;
  const owner = async () => subscription(w.ownerSubscription.id);
  const user = async (email: string) => {
    const row = (await groupUsers(s, w.groupId)).find((u) => u.email === email && u.status !== 'failed');
    return subscription(row!.id);
  };
  const groupReport = async () => (await s.call('GET', '/v1/reports/subscriptions?groupBy=group')).body.items.find((r: { groupId: string }) => r.groupId === w.groupId);

  it('moves the status with invoices and subscription events; an older event never overwrites a newer state', async () => {
    const t = stripeSeconds();
    const o = await owner();
    expect(o).toMatchObject({ status: 'active', stripeSubscriptionId: expect.stringMatching(/^sub_/) });

    const failed = await stripeEvent(s, 'invoice.payment_failed', stripeInvoice(o, 'open', { attempt_count: 1 }), { created: t + 10 });
    expect(failed.body).toEqual({ received: true, result: 'applied' });
    expect(await owner()).toMatchObject({ status: 'past_due', stripeStatus: 'past_due', stripeStatusAt: new Date((t + 10) * 1000).toISOString() });

    expect((await stripeEvent(s, 'customer.subscription.updated', stripeSubscription(o, 'unpaid'), { created: t + 20 })).body.result).toBe('applied');
    expect((await owner()).status).toBe('unpaid');

    // Delivered late: the payment Stripe recorded before the subscription became unpaid.
    const late = await stripeEvent(s, 'invoice.paid', stripeInvoice(o, 'paid'), { created: t + 15 });
    expect(late.status).toBe(200);
    expect((await owner()).status).toBe('unpaid');

    const paid = await stripeEvent(s, 'invoice.paid', stripeInvoice(o, 'paid'), { id: 'evt_paid_once_' + t, created: t + 30 });
    expect(paid.body.result).toBe('applied');
    expect((await owner()).status).toBe('active');
    // Stripe delivers an event again: applied once.
    expect((await stripeEvent(s, 'invoice.paid', stripeInvoice(o, 'paid'), { id: 'evt_paid_once_' + t, created: t + 30 })).body.result).toBe('duplicate');

    const audit = await s.call('GET', `/v1/audit?entity=subscription&id=${o.id}`);
    const moves = audit.body.items.filter((e: { action: string }) => e.action === 'stripe_status').map((e: { after: { status: string } }) => e.after.status);
    expect(moves.sort()).toEqual(['active', 'past_due', 'unpaid']);
  });

  it('a cancellation is final, whatever order the events arrive in', async () => {
    const t = stripeSeconds();
    const o = await owner();
    // The cancellation is older than the last event applied, and still wins: Stripe never revives a canceled subscription.
    const canceled = await stripeEvent(s, 'customer.subscription.deleted', stripeSubscription(o, 'canceled', { canceled_at: t - 100, ended_at: t - 100 }), { created: t - 100 });
    expect(canceled.body.result).toBe('applied');
    const after = await owner();
    expect(after).toMatchObject({ status: 'canceled', endedAt: new Date((t - 100) * 1000).toISOString() });
    expect((await stripeEvent(s, 'customer.subscription.updated', stripeSubscription(o, 'active'), { created: t + 60 })).body.result).toBe('ignored');
    expect((await stripeEvent(s, 'invoice.paid', stripeInvoice(o, 'paid'), { created: t + 61 })).body.result).toBe('ignored');
    expect((await owner()).status).toBe('canceled');
  });

  it('reports count only what Stripe says is live, and how many are in each status', async () => {
    const t = stripeSeconds();
    const bo = await user('bo@xyz.example');
    const cy = await user('cy@xyz.example');
    await stripeEvent(s, 'customer.subscription.updated', stripeSubscription(bo, 'past_due'), { created: t });
    await stripeEvent(s, 'customer.subscription.updated', stripeSubscription(cy, 'unpaid'), { created: t });

    const row = await groupReport();
    // The owner (canceled above) and cy (unpaid) are not live; ana (active) and bo (past due, Stripe retrying) are.
    expect(row).toMatchObject({ subscriptions: 2, ownerSubscriptions: 0, userSubscriptions: 2, imported: 2 });
    expect(row.byStatus).toEqual({ pending: 0, incomplete: 0, trialing: 0, active: 1, past_due: 1, unpaid: 1, paused: 0, canceled: 1, incomplete_expired: 0 });

    const csv = await s.call('GET', '/v1/reports/subscriptions?groupBy=group&format=csv');
    const [header, ...lines] = csv.body.trim().split('\r\n');
    const cols = header.split(',');
    expect(cols.slice(-9)).toEqual(['pending', 'incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled', 'incomplete_expired'].map((x) => `byStatus.${x}`));
    const mine = lines.map((l: string) => l.split(',')).find((f: string[]) => f[0] === w.groupId)!;
    expect(mine[cols.indexOf('subscriptions')]).toBe('2');
    expect(mine[cols.indexOf('byStatus.unpaid')]).toBe('1');
  });

  it('a user whose subscription Stripe canceled leaves the group and can come back in', async () => {
    const ana = await user('ana@xyz.example');
    expect((await stripeEvent(s, 'customer.subscription.deleted', stripeSubscription(ana, 'canceled'))).body.result).toBe('applied');
    expect((await subscription(ana.id)).status).toBe('canceled');

    const job = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: [{ email: 'ana@xyz.example', name: 'ana' }, { email: 'bo@xyz.example', name: 'bo' }] } });
    await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`), (j) => j.body.status !== 'running', 60_000);
    const rows = (await s.call('GET', `/v1/groups/${w.groupId}/imports/${job.body.id}`)).body.rows;
    expect(rows.map((r: { email: string; status: string }) => [r.email, r.status])).toEqual([['ana@xyz.example', 'created'], ['bo@xyz.example', 'existing']]);
    const anas = (await groupUsers(s, w.groupId)).filter((u) => u.email === 'ana@xyz.example').map((u) => u.status).sort();
    expect(anas).toEqual(['active', 'canceled']);
  });

  it('ignores events about subscriptions it does not know, and refuses unsigned ones changing nothing', async () => {
    const stranger = await stripeEvent(s, 'customer.subscription.updated', stripeSubscription({ stripeSubscriptionId: 'sub_not_ours', id: '00000000-0000-4000-8000-000000000000' }, 'canceled'));
    expect(stranger.body).toEqual({ received: true, result: 'ignored' });
    const cy = await user('cy@xyz.example');
    const forged = await stripeEvent(s, 'customer.subscription.deleted', stripeSubscription(cy, 'canceled'), { secret: 'whsec_not_the_secret' });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('INVALID_SIGNATURE');
    expect((await subscription(cy.id)).status).toBe('unpaid');
  });

  it('an event that arrives while a user\'s subscription is still being created is kept, and wins when newer', async () => {
    await s.call('POST', `/v1/groups/${w.groupId}/access-rules`, { body: { ipRanges: ['127.0.0.0/8'], emailDomains: [] } });
    await s.stopWorker();
    try {
      // No worker: the claim is reserved and answered pending (the API waits 20 s for Stripe, then answers).
      const claimed = await s.call('POST', '/v1/public/access-claims', { token: null, body: { groupId: w.groupId, email: 'early@else.example', name: 'Early' } });
      expect(claimed.status).toBe(201);
      expect(claimed.body.subscriptionStatus).toBe('pending');
      const id = claimed.body.subscriptionId;
      const t = stripeSeconds();
      const early = await stripeEvent(s, 'customer.subscription.updated', stripeSubscription({ stripeSubscriptionId: 'sub_early_event', id }, 'past_due'), { created: t });
      expect(early.body.result).toBe('applied');
      expect(await subscription(id)).toMatchObject({ status: 'pending', stripeStatus: 'past_due' });
    } finally {
      await s.startWorker();
    }
    const sub = await waitFor(() => user('early@else.example'), (x) => x.status !== 'pending', 60_000);
    // Stripe's answer to the creation is older than the event: the event's state stands.
    expect(sub).toMatchObject({ status: 'past_due', stripeStatus: 'past_due', stripeSubscriptionId: expect.stringMatching(/^sub_/) });
  });

  it('reads invoices in the shape of API versions before 2025-03-31 too', async () => {
    const bo = await user('bo@xyz.example');
    const legacy = { ...stripeInvoice(bo, 'paid'), parent: null, subscription: bo.stripeSubscriptionId, subscription_details: { metadata: { subscriptionId: bo.id } } };
    expect((await stripeEvent(s, 'invoice.paid', legacy, { created: stripeSeconds(5) })).body.result).toBe('applied');
    expect((await subscription(bo.id)).status).toBe('active');
  });
});
