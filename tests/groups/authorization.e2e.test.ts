import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { groupWorld, waitFor } from './world';

describe('who may run a group', () => {
  let s: TestStack;
  let parent: string;
  let child: string;
  let scoped: Awaited<ReturnType<typeof groupWorld>>;
  let adminOnly: Awaited<ReturnType<typeof groupWorld>>;
  let manager: { token: string };
  let outsider: { token: string };

  beforeAll(async () => {
    s = await startTestStack();
    parent = await s.organization({ name: 'Reseller' });
    child = await s.organization({ name: 'XYZ', parentId: parent });
    const elsewhere = await s.organization({ name: 'Elsewhere' });
    manager = await s.userWithToken({ role: 'manager', organizationId: parent });
    outsider = await s.userWithToken({ role: 'manager', organizationId: elsewhere });
    scoped = await groupWorld(s, { organizationId: child });
    adminOnly = await groupWorld(s);
  });
  afterAll(async () => s?.close());

  it('a manager runs the groups of their organization and its descendants', async () => {
    const t = manager.token;
    expect((await s.call('GET', '/v1/groups', { token: t })).body.items.map((g: { id: string }) => g.id)).toEqual([scoped.groupId]);
    expect((await s.call('GET', `/v1/groups/${scoped.groupId}`, { token: t })).status).toBe(200);
    const rules = await s.call('POST', `/v1/groups/${scoped.groupId}/access-rules`, { token: t, body: { ipRanges: [], emailDomains: ['xyz.example'] } });
    expect(rules.status).toBe(201);
    const job = await s.call('POST', `/v1/groups/${scoped.groupId}/imports`, { token: t, body: { users: [{ email: 'm@xyz.example', name: 'M' }] } });
    expect(job.status).toBe(202);
    const done = await waitFor(() => s.call('GET', `/v1/jobs/${job.body.id}`, { token: t }), (j) => j.body.status === 'completed');
    expect(done.body.processed).toBe(1);
    const campaign = await s.call('POST', `/v1/groups/${scoped.groupId}/campaigns`, { token: t, body: { mode: 'unique', count: 2 } });
    expect(campaign.status).toBe(201);
    expect(campaign.body.organizationId).toBe(child);
    expect((await s.call('GET', `/v1/campaigns/${campaign.body.id}/codes`, { token: t })).status).toBe(200);
    expect((await s.call('POST', `/v1/campaigns/${campaign.body.id}/deactivate`, { token: t, body: {} })).body.status).toBe('deactivated');
    const subs = await s.call('GET', '/v1/subscriptions', { token: t });
    expect(new Set(subs.body.items.map((x: { groupId: string }) => x.groupId))).toEqual(new Set([scoped.groupId]));

    const described = await s.client.workflow.getHandle(`campaign-${campaign.body.id}`).describe();
    expect(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([['PartnerflowKind', 'campaign'], ['PartnerflowOrganizationId', child], ['PartnerflowGroupId', scoped.groupId]]),
    );
  });

  it('anything else answers 404, as if it did not exist', async () => {
    for (const [token, groupId] of [[manager.token, adminOnly.groupId], [outsider.token, scoped.groupId]] as const) {
      expect((await s.call('GET', `/v1/groups/${groupId}`, { token })).status).toBe(404);
      expect((await s.call('POST', `/v1/groups/${groupId}/campaigns`, { token, body: { mode: 'unique', count: 1 } })).status).toBe(404);
      expect((await s.call('POST', `/v1/groups/${groupId}/imports`, { token, body: { users: [{ email: 'x@xyz.example', name: 'X' }] } })).status).toBe(404);
      expect((await s.call('POST', `/v1/groups/${groupId}/access-rules`, { token, body: { ipRanges: [], emailDomains: [] } })).status).toBe(404);
    }
    const theirs = (await s.call('GET', `/v1/groups/${scoped.groupId}/campaigns`)).body.items[0];
    expect((await s.call('GET', `/v1/campaigns/${theirs.id}`, { token: outsider.token })).status).toBe(404);
    expect((await s.call('GET', `/v1/subscriptions/${scoped.ownerSubscription.id}`, { token: outsider.token })).status).toBe(404);
    expect((await s.call('GET', '/v1/subscriptions', { token: outsider.token })).body.items).toEqual([]);
  });

  it('creating groups and the catalog stays with admins', async () => {
    const res = await s.call('POST', '/v1/groups', {
      token: manager.token,
      body: { name: 'Mine', ownerCustomerId: scoped.owner.id, ownerSubscriptionId: scoped.ownerSubscription.id, usersPlanId: scoped.usersPlan.id, organizationId: child },
    });
    expect(res.status).toBe(403);
    expect((await s.call('POST', '/v1/subscriptions', { token: manager.token, body: { customerId: scoped.owner.id, planId: scoped.ownerPlan.id, collection: 'send_invoice' } })).status).toBe(403);
    expect((await s.call('GET', '/v1/products', { token: manager.token })).status).toBe(403);
  });
});
