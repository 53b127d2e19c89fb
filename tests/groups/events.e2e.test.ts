import { describe, expect, it } from 'vitest';
import { eventsAbout } from '../support/events';
import { suiteStack } from '../support/suite';
import { unique } from '../support/unique';
import { activeCampaign, claim, codeMailedTo, groupWorld, redeem, stripeEvent, stripeSeconds, stripeSubscription, verify, waitFor } from './world';

// The group lifecycle's events, recorded in the transaction of the change they report; a refused
// action records none. (campaign.closed runs over a real month in calendar.time-skipping.test.ts.)
describe('group events', () => {
  const { s, w } = suiteStack({}, async (s) => {
    const organizationId = await s.organization({ name: unique('Groups org') });
    const paid = await groupWorld(s, { usersAmount: 1500, organizationId });
    const free = await groupWorld(s, { organizationId });
    const rules = await s.call('POST', `/v1/groups/${free.groupId}/access-rules`, { body: { ipRanges: [], emailDomains: ['xyz.example'] } });
    if (rules.status !== 201) throw new Error(`access rules: ${JSON.stringify(rules.body)}`);
    return { organizationId, paid, free };
  });

  it('a direct subscription records subscription.created (site-wide: no group yet); Stripe moving it records subscription.updated in the group\'s organization', async () => {
    const owner = w.paid.ownerSubscription;
    const created = await eventsAbout(s.sql, 'subscription.created', 'subscriptionId', owner.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ organizationId: null, data: { subscriptionId: owner.id, customerId: w.paid.owner.id, planId: w.paid.ownerPlan.id, groupId: null, status: 'active' } });

    const row = (await s.call('GET', `/v1/subscriptions/${owner.id}`)).body;
    const moved = await stripeEvent(s, 'customer.subscription.updated', stripeSubscription(row, 'past_due'), { created: stripeSeconds(10) });
    expect(moved.body.result).toBe('applied');
    const updated = await eventsAbout(s.sql, 'subscription.updated', 'subscriptionId', owner.id);
    // By now it founds the group: its changes are the group's organization's.
    expect(updated.map((e) => [e.organizationId, e.data])).toEqual([
      [w.organizationId, { subscriptionId: owner.id, customerId: w.paid.owner.id, planId: w.paid.ownerPlan.id, groupId: w.paid.groupId, status: 'past_due', previousStatus: 'active' }],
    ]);
    // An older state delivered late changes nothing and announces nothing.
    expect((await stripeEvent(s, 'customer.subscription.updated', stripeSubscription(row, 'active'), { created: stripeSeconds(-10) })).body.result).toBe('ignored');
    expect(await eventsAbout(s.sql, 'subscription.updated', 'subscriptionId', owner.id)).toHaveLength(1);
  });

  it('a redemption records campaign.code_redeemed and the user\'s subscription; a refused one records nothing', async () => {
    const campaign = await activeCampaign(s, w.paid.groupId, { mode: 'shared', code: 'EVENTS10', maxRedemptions: 10 });
    const ok = await redeem(s, 'EVENTS10', 'ana@xyz.example');
    expect(ok.status).toBe(201);
    const redeemed = await waitFor(() => eventsAbout(s.sql, 'campaign.code_redeemed', 'campaignId', campaign.id), (l) => l.length > 0, { what: 'campaign.code_redeemed' });
    expect(redeemed).toHaveLength(1);
    expect(redeemed[0]).toMatchObject({
      organizationId: w.organizationId,
      data: { campaignId: campaign.id, groupId: w.paid.groupId, redemptionId: ok.body.id, email: 'ana@xyz.example', subscriptionId: ok.body.subscriptionId },
    });
    const sub = ok.body.subscriptionId as string;
    expect((await eventsAbout(s.sql, 'subscription.created', 'subscriptionId', sub)).map((e) => [e.organizationId, e.data.status, e.data.groupId])).toEqual([[w.organizationId, 'pending', w.paid.groupId]]);
    const updated = await waitFor(() => eventsAbout(s.sql, 'subscription.updated', 'subscriptionId', sub), (l) => l.length > 0, { what: 'subscription.updated' });
    expect(updated.map((e) => e.data)).toEqual([expect.objectContaining({ previousStatus: 'pending', status: 'active' })]);

    const again = await redeem(s, 'EVENTS10', 'ANA@xyz.example');
    expect(again.status).toBe(409);
    const unknown = await redeem(s, 'NOSUCHCODE', 'bo@xyz.example');
    expect(unknown.status).toBe(404);
    expect(await eventsAbout(s.sql, 'campaign.code_redeemed', 'campaignId', campaign.id)).toHaveLength(1);
  });

  it('an access claim proved with its e-mailed code records access.claimed once; a wrong code records nothing', async () => {
    const res = await claim(s, w.free.groupId, 'cy@xyz.example');
    expect(res.status).toBe(202);
    const code = await codeMailedTo(s, 'cy@xyz.example');
    expect((await verify(s, res.body.id, code === '000000' ? '111111' : '000000')).status).toBe(422);
    expect(await eventsAbout(s.sql, 'access.claimed', 'claimId', res.body.id)).toHaveLength(0);
    const granted = await verify(s, res.body.id, code);
    expect(granted.status).toBe(201);
    expect((await verify(s, res.body.id, code)).status).toBe(200);
    const claimed = await eventsAbout(s.sql, 'access.claimed', 'claimId', res.body.id);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({ organizationId: w.organizationId, data: { claimId: res.body.id, groupId: w.free.groupId, via: 'email_domain', subscriptionId: granted.body.subscriptionId } });
    expect(JSON.stringify(claimed[0]!.data)).not.toContain(code);
  });
});
