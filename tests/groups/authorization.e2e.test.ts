import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { groupWorld, waitFor } from './world';

describe('who may run a group', () => {
  // A reseller with a child organization whose group its manager runs, a group only admins run,
  // and a manager of an unrelated organization.
  const { s, w } = suiteStack({}, async (s) => {
    const parent = await s.organization({ name: 'Reseller' });
    const child = await s.organization({ name: 'XYZ', parentId: parent });
    const elsewhere = await s.organization({ name: 'Elsewhere' });
    const manager = await s.userWithToken({ role: 'manager', organizationId: parent });
    const outsider = await s.userWithToken({ role: 'manager', organizationId: elsewhere });
    const scoped = await groupWorld(s, { organizationId: child });
    const adminOnly = await groupWorld(s);
    return { child, manager, outsider, scoped, adminOnly };
  });

  it('a manager runs the groups of their organization and its descendants', async () => {
    const t = w.manager.token;
    expect((await s.call('GET', '/v1/groups', { token: t })).body.items.map((g: { id: string }) => g.id)).toEqual([w.scoped.groupId]);
    expect((await s.call('GET', `/v1/groups/${w.scoped.groupId}`, { token: t })).status).toBe(200);
    const rules = await s.call('POST', `/v1/groups/${w.scoped.groupId}/access-rules`, { token: t, body: { ipRanges: [], emailDomains: ['xyz.example'] } });
    expect(rules.status).toBe(201);
    const job = await s.call('POST', `/v1/groups/${w.scoped.groupId}/imports`, { token: t, body: { users: [{ email: 'm@xyz.example', name: 'M' }] } });
    expect(job.status).toBe(202);
    const done = await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`, { token: t }), (j) => j.body.status === 'completed');
    expect(done.body.processed).toBe(1);
    const campaign = await s.call('POST', `/v1/groups/${w.scoped.groupId}/campaigns`, { token: t, body: { mode: 'unique', count: 2 } });
    expect(campaign.status).toBe(201);
    expect(campaign.body.organizationId).toBe(w.child);
    expect((await s.call('GET', `/v1/campaigns/${campaign.body.id}/codes`, { token: t })).status).toBe(200);
    expect((await s.call('POST', `/v1/campaigns/${campaign.body.id}/deactivate`, { token: t, body: {} })).body.status).toBe('deactivated');
    const subs = await s.call('GET', '/v1/subscriptions', { token: t });
    expect(new Set(subs.body.items.map((x: { groupId: string }) => x.groupId))).toEqual(new Set([w.scoped.groupId]));

    const described = await s.client.workflow.getHandle(`campaign-${campaign.body.id}`).describe();
    expect(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([['PartnerflowKind', 'campaign'], ['PartnerflowOrganizationId', w.child], ['PartnerflowGroupId', w.scoped.groupId]]),
    );
  });

  it('anything else answers 404, as if it did not exist', async () => {
    for (const [token, groupId] of [[w.manager.token, w.adminOnly.groupId], [w.outsider.token, w.scoped.groupId]] as const) {
      expect((await s.call('GET', `/v1/groups/${groupId}`, { token })).status).toBe(404);
      expect((await s.call('POST', `/v1/groups/${groupId}/campaigns`, { token, body: { mode: 'unique', count: 1 } })).status).toBe(404);
      expect((await s.call('POST', `/v1/groups/${groupId}/imports`, { token, body: { users: [{ email: 'x@xyz.example', name: 'X' }] } })).status).toBe(404);
      expect((await s.call('POST', `/v1/groups/${groupId}/access-rules`, { token, body: { ipRanges: [], emailDomains: [] } })).status).toBe(404);
    }
    const theirs = (await s.call('GET', `/v1/groups/${w.scoped.groupId}/campaigns`)).body.items[0];
    expect((await s.call('GET', `/v1/campaigns/${theirs.id}`, { token: w.outsider.token })).status).toBe(404);
    expect((await s.call('GET', `/v1/subscriptions/${w.scoped.ownerSubscription.id}`, { token: w.outsider.token })).status).toBe(404);
    expect((await s.call('GET', '/v1/subscriptions', { token: w.outsider.token })).body.items).toEqual([]);
  });

  it('creating groups and the catalog stays with admins', async () => {
    const res = await s.call('POST', '/v1/groups', {
      token: w.manager.token,
      body: { name: 'Mine', ownerCustomerId: w.scoped.owner.id, ownerSubscriptionId: w.scoped.ownerSubscription.id, usersPlanId: w.scoped.usersPlan.id, organizationId: w.child },
    });
    expect(res.status).toBe(403);
    expect((await s.call('POST', '/v1/subscriptions', { token: w.manager.token, body: { customerId: w.scoped.owner.id, planId: w.scoped.ownerPlan.id, collection: 'send_invoice' } })).status).toBe(403);
    expect((await s.call('GET', '/v1/products', { token: w.manager.token })).status).toBe(403);
  });
});
