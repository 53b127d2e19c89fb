import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { startStripeProxy, type StripeProxy } from '../support/stripe-proxy';
import { unique } from '../support/unique';
import { activeCampaign, groupWorld, redeem, waitFor } from './world';

// Removing a user from a group (issue 13): their subscription ends in Stripe (through stripe-mock,
// behind a logging proxy) and here, once; a repeat answers the removal as recorded.

describe('removing a user from a group', () => {
  let stripe: StripeProxy;
  let s: TestStack;
  let organizationId: string;
  let manager: { token: string; userId: string };
  beforeAll(async () => {
    stripe = await startStripeProxy();
    s = await startTestStack({ stripeUrl: stripe.url });
    organizationId = await s.organization({ name: unique('XYZ') });
    manager = await s.userWithToken({ role: 'manager', organizationId });
  });
  afterAll(async () => {
    await s?.close();
    await stripe?.close();
  });

  async function importUsers(groupId: string, emails: string[]) {
    const job = await s.call('POST', `/v1/groups/${groupId}/imports`, { token: manager.token, body: { users: emails.map((email) => ({ email, name: 'Staff Member' })) } });
    expect(job.status).toBe(202);
    await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`), (j) => j.body.status !== 'running', { what: 'the import to finish' });
    const results = await s.call('GET', `/v1/groups/${groupId}/imports/${job.body.id}`);
    expect(results.body.rows).toHaveLength(emails.length);
    return results.body.rows.map((r: { subscriptionId: string }) => r.subscriptionId) as string[];
  }
  const remove = (groupId: string, subscriptionId: string, body: Record<string, unknown>, token = manager.token) =>
    s.call('POST', `/v1/groups/${groupId}/users/${subscriptionId}/remove`, { token, body });
  const cancels = (stripeId: string) => stripe.calls.filter((c) => c.method === 'DELETE' && c.path.startsWith(`/v1/subscriptions/${stripeId}`));

  it('cancels the subscription in Stripe and here, frees the place, and answers a repeat as recorded', async () => {
    const w = await groupWorld(s, { organizationId });
    const [ana, ben] = [`${unique('ana')}@xyz.example`, `${unique('ben')}@xyz.example`];
    const [anaSub, benSub] = await importUsers(w.groupId, [ana, ben]);
    const before = (await s.call('GET', `/v1/subscriptions/${anaSub}`)).body;
    expect(before).toMatchObject({ status: 'active', removedAt: null, stripeSubscriptionId: expect.stringMatching(/^sub_/) });

    const removed = await remove(w.groupId, anaSub!, { reason: 'Left XYZ' });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: anaSub, email: ana, status: 'canceled', stripeStatus: 'canceled', removedBy: manager.userId, removalReason: 'Left XYZ' });
    expect(removed.body.removedAt).not.toBeNull();
    expect(removed.body.endedAt).not.toBeNull();
    const calls = cancels(before.stripeSubscriptionId);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.idempotencyKey).toBe(`subscription-${anaSub}-cancel`);

    expect((await s.call('GET', `/v1/subscriptions/${anaSub}`)).body).toMatchObject({ status: 'canceled', removalReason: 'Left XYZ' });
    expect((await s.call('GET', `/v1/subscriptions/${benSub}`)).body).toMatchObject({ status: 'active', removedAt: null });

    const again = await remove(w.groupId, anaSub!, { reason: 'Another reason' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'canceled', removedAt: removed.body.removedAt, removalReason: 'Left XYZ' });
    expect(cancels(before.stripeSubscriptionId)).toHaveLength(1);

    const audit = await s.call('GET', `/v1/audit?entity=subscription&id=${anaSub}`);
    const removals = audit.body.items.filter((e: { action: string }) => e.action === 'remove_from_group');
    expect(removals).toHaveLength(1);
    expect(removals[0]).toMatchObject({ actor: `user:${manager.userId}`, after: { status: 'canceled', email: ana, reason: 'Left XYZ' } });

    // The place is free again: the same address imported anew gets a new subscription.
    const [back] = await importUsers(w.groupId, [ana]);
    expect(back).not.toBe(anaSub);
    expect((await s.call('GET', `/v1/subscriptions/${back}`)).body).toMatchObject({ status: 'active', email: ana });
  });

  it('changes nothing while Stripe is unreachable (503), and removes once it is back', async () => {
    const w = await groupWorld(s, { organizationId });
    const [sub] = await importUsers(w.groupId, [`${unique('cy')}@xyz.example`]);
    await stripe.down();
    try {
      const refused = await remove(w.groupId, sub!, { reason: 'Outage' });
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('UNAVAILABLE');
    } finally {
      await stripe.up();
    }
    expect((await s.call('GET', `/v1/subscriptions/${sub}`)).body).toMatchObject({ status: 'active', removedAt: null });
    expect((await s.call('GET', `/v1/audit?entity=subscription&id=${sub}`)).body.items.filter((e: { action: string }) => e.action === 'remove_from_group')).toHaveLength(0);
    expect((await remove(w.groupId, sub!, { reason: 'Outage over' })).body).toMatchObject({ status: 'canceled', removalReason: 'Outage over' });
  });

  it('keeps a redeemed code used: the removed user\'s redemption still counts against the code\'s limit', async () => {
    const w = await groupWorld(s, { organizationId, usersAmount: 900 });
    const code = unique('ONCE').replace(/-/g, '').toUpperCase();
    await activeCampaign(s, w.groupId, { mode: 'shared', code, maxRedemptions: 1 });
    const redeemed = await redeem(s, code, `${unique('dee')}@xyz.example`);
    expect(redeemed.status).toBe(201);
    const sub = await waitFor(() => s.call('GET', `/v1/subscriptions/${redeemed.body.subscriptionId}`), (r) => r.body.status === 'active', { what: 'the redeemed subscription' });
    expect((await remove(w.groupId, sub.body.id, { reason: 'Wrong person' })).body.status).toBe('canceled');
    const next = await redeem(s, code, `${unique('eve')}@xyz.example`);
    expect(next.status).toBe(409);
    expect(next.body.code).toBe('CODE_EXHAUSTED');
  });

  it('finds only users of the group in scope, refuses approvers, needs a reason, and leaves the owner alone', async () => {
    const w = await groupWorld(s, { organizationId });
    const other = await groupWorld(s, { organizationId });
    const [sub] = await importUsers(w.groupId, [`${unique('fay')}@xyz.example`]);
    const stranger = await s.userWithToken({ role: 'manager', organizationId: await s.organization({ name: unique('Elsewhere') }) });
    const approver = await s.userWithToken({ role: 'approver', organizationId });
    expect((await remove(w.groupId, sub!, { reason: 'R' }, stranger.token)).status).toBe(404);
    expect((await remove(w.groupId, sub!, { reason: 'R' }, approver.token)).status).toBe(403);
    expect((await remove(other.groupId, sub!, { reason: 'Wrong group' })).status).toBe(404);
    expect((await remove(w.groupId, w.ownerSubscription.id, { reason: 'The owner' })).status).toBe(404);
    const noReason = await remove(w.groupId, sub!, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    expect((await s.call('GET', `/v1/subscriptions/${sub}`)).body).toMatchObject({ status: 'active', removedAt: null });
    expect((await s.call('GET', `/v1/subscriptions/${w.ownerSubscription.id}`)).body.status).not.toBe('canceled');
  });
});
