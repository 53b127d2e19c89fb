import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { getAggregator, profile, SERVICES, studioWorld, tariff } from './world';

describe('tariffs, integrations and the assignment gates', () => {
  const { s, w } = suiteStack({}, studioWorld);

  const assign = (aggregatorId: string, tariffId: string, token = w.manager.token) =>
    s.call('PUT', `/v1/aggregators/${aggregatorId}/tariff`, { token, body: { tariffId } });

  it('creates a tariff bundling services, with its payment frequency', async () => {
    const res = await s.call('POST', '/v1/tariffs', { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Partner visits', paymentFrequency: 'FREE', services: SERVICES } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), organizationId: w.organizationId, paymentFrequency: 'FREE', services: SERVICES });
    expect((await s.call('GET', `/v1/tariffs/${res.body.id}`, { token: w.manager.token })).body).toEqual(res.body);
    const free = await s.call('GET', `/v1/tariffs?organizationId=${w.organizationId}&paymentFrequency=FREE`, { token: w.manager.token });
    expect(free.body.items.map((t: { id: string }) => t.id)).toContain(res.body.id);
  });

  it('refuses bad tariff bodies naming the field', async () => {
    const bad = await s.call('POST', '/v1/tariffs', { token: w.manager.token, body: { organizationId: w.organizationId, name: 'X', paymentFrequency: 'DAILY', services: [{ name: 'Gym', kind: 'spa' }], colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'paymentFrequency', 'services.0.kind']);
  });

  it('an integration starts active, without a tariff, with its workflow running', async () => {
    const res = await s.call('POST', '/v1/aggregators', { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Corporate fitness' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'active', tariffId: null, state: 'idle', profilesTotal: 0, profilesDone: 0, workflowId: `aggregator-${res.body.id}` });
    const d = await s.client.workflow.getHandle(`aggregator-${res.body.id}`).describe();
    expect(d.status.name).toBe('RUNNING');
    expect((await s.call('GET', `/v1/aggregators?organizationId=${w.organizationId}`, { token: w.manager.token })).body.items.length).toBe(2);
  });

  it('assigning needs the advanced package or higher: 403 PACKAGE_REQUIRED, nothing changes', async () => {
    const basic = await studioWorld(s, { package: 'basic' });
    const res = await assign(basic.aggregatorId, basic.freeTariffId, basic.manager.token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'PACKAGE_REQUIRED', package: 'basic', requiredPackage: 'advanced' });
    const dry = await s.call('PUT', `/v1/aggregators/${basic.aggregatorId}/tariff?dryRun=true`, { token: basic.manager.token, body: { tariffId: basic.freeTariffId } });
    expect(dry.body.code).toBe('PACKAGE_REQUIRED');
    expect(await getAggregator(s, basic.aggregatorId)).toMatchObject({ tariffId: null, state: 'idle' });

    await s.call('PATCH', `/v1/organizations/${basic.organizationId}`, { body: { package: 'premium' } });
    expect((await assign(basic.aggregatorId, basic.freeTariffId, basic.manager.token)).status).toBe(202);
  });

  it('only FREE tariffs: 422 TARIFF_NOT_FREE for any other payment frequency', async () => {
    for (const frequency of ['WEEKLY', 'MONTHLY', 'YEARLY'] as const) {
      const paid = await tariff(s, w.organizationId, frequency, w.manager.token);
      const res = await assign(w.aggregatorId, paid);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'TARIFF_NOT_FREE', paymentFrequency: frequency });
    }
    expect((await getAggregator(s, w.aggregatorId)).tariffId).toBeNull();
  });

  it("a tariff of another studio is refused, even one the caller may see", async () => {
    const child = await s.organization({ name: 'Branch studio', parentId: w.organizationId, package: 'advanced' });
    const childTariff = await tariff(s, child, 'FREE', w.manager.token);
    const res = await assign(w.aggregatorId, childTariff);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('tariffId');
  });

  it("another studio's manager gets 404 for everything of this studio", async () => {
    const stranger = await studioWorld(s);
    const t = stranger.manager.token;
    expect((await s.call('GET', `/v1/aggregators/${w.aggregatorId}`, { token: t })).status).toBe(404);
    expect((await assign(w.aggregatorId, w.freeTariffId, t)).status).toBe(404);
    expect((await s.call('DELETE', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: t })).status).toBe(404);
    expect((await s.call('POST', `/v1/aggregators/${w.aggregatorId}/deactivate`, { token: t, body: {} })).status).toBe(404);
    expect((await s.call('GET', `/v1/tariffs/${w.freeTariffId}`, { token: t })).status).toBe(404);
    expect((await s.call('GET', `/v1/organizations/${w.organizationId}/member-stats`, { token: t })).status).toBe(404);
    expect((await s.call('POST', '/v1/aggregators', { token: t, body: { organizationId: w.organizationId, name: 'Sneaky' } })).status).toBe(404);
    expect((await profile(s, { organizationId: w.organizationId }, t)).status).toBe(404);
    const mine = await profile(s, { organizationId: w.organizationId }, w.manager.token);
    expect((await s.call('GET', `/v1/profiles/${mine.body.id}/contracts`, { token: t })).status).toBe(404);
    expect((await s.call('GET', `/v1/profiles?organizationId=${w.organizationId}`, { token: t })).body.items).toEqual([]);
    // Nor can this studio's manager reach their tariff.
    expect((await assign(w.aggregatorId, stranger.freeTariffId)).status).toBe(404);
  });

  it('documents every aggregator endpoint in the OpenAPI document', async () => {
    const doc = await s.call('GET', '/openapi.json', { token: null });
    for (const path of ['/v1/tariffs', '/v1/aggregators', '/v1/aggregators/{id}', '/v1/aggregators/{id}/tariff', '/v1/aggregators/{id}/deactivate', '/v1/profiles', '/v1/profiles/{id}/contracts', '/v1/organizations/{id}/member-stats']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(Object.keys(doc.body.paths['/v1/aggregators/{id}/tariff'])).toEqual(expect.arrayContaining(['put', 'delete']));
  });

  it('a repeated profile creation with the same Idempotency-Key creates one profile', async () => {
    const body = { organizationId: w.organizationId, name: 'Once', email: 'once@example.test', aggregatorId: w.aggregatorId };
    const first = await s.call('POST', '/v1/profiles', { token: w.manager.token, body, headers: { 'idempotency-key': 'profile-once' } });
    const again = await s.call('POST', '/v1/profiles', { token: w.manager.token, body, headers: { 'idempotency-key': 'profile-once' } });
    expect(first.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const [count] = await s.sql`select count(*)::int as n from profiles where email = 'once@example.test'`;
    expect(count!.n).toBe(1);
  });

  it('approvers read but do not assign', async () => {
    const approver = await s.userWithToken({ role: 'approver', organizationId: w.organizationId });
    expect((await s.call('GET', `/v1/aggregators/${w.aggregatorId}`, { token: approver.token })).status).toBe(200);
    expect((await assign(w.aggregatorId, w.freeTariffId, approver.token)).status).toBe(403);
  });

  it('a profile names an aggregator of its own studio, and stays a prospect', async () => {
    const other = await studioWorld(s);
    const foreign = await profile(s, { organizationId: w.organizationId, aggregatorId: other.aggregatorId });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe('aggregatorId');
    const member = await profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId, status: 'member' }, w.manager.token);
    expect(member.status).toBe(422);
    const prospect = await profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId }, w.manager.token);
    expect(prospect.status).toBe(201);
    const promote = await s.call('PATCH', `/v1/profiles/${prospect.body.id}`, { token: w.manager.token, body: { status: 'member' } });
    expect(promote.status).toBe(422);
    expect((await s.call('GET', `/v1/profiles/${prospect.body.id}`, { token: w.manager.token })).body.status).toBe('prospect');
  });
});

describe('members, prospects and the booked member limit', () => {
  const { s } = suiteStack({ worker: false });

  it('counts members only; a member beyond memberLimit is refused with 409 MEMBER_LIMIT_REACHED', async () => {
    const organizationId = await s.organization({ name: 'Small studio', package: 'advanced', memberLimit: 2 });
    const agg = await s.call('POST', '/v1/aggregators', { body: { organizationId, name: 'Aggregator' } });
    for (let i = 0; i < 5; i++) expect((await profile(s, { organizationId, aggregatorId: agg.body.id })).status).toBe(201);
    expect((await profile(s, { organizationId })).body.status).toBe('prospect');
    expect((await profile(s, { organizationId, status: 'member' })).status).toBe(201);
    const promoted = await profile(s, { organizationId });
    expect((await s.call('PATCH', `/v1/profiles/${promoted.body.id}`, { body: { status: 'member' } })).status).toBe(200);

    const third = await profile(s, { organizationId, status: 'member' });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: 'MEMBER_LIMIT_REACHED', memberLimit: 2, members: 2 });
    const late = await profile(s, { organizationId });
    const patch = await s.call('PATCH', `/v1/profiles/${late.body.id}`, { body: { status: 'member' } });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('MEMBER_LIMIT_REACHED');

    const stats = await s.call('GET', `/v1/organizations/${organizationId}/member-stats`);
    expect(stats.body).toEqual({ organizationId, members: 2, prospects: 7, aggregatorProspects: 5, formers: 0, memberLimit: 2, membersAvailable: 0 });

    // A member who leaves frees a place.
    const members = (await s.call('GET', `/v1/profiles?organizationId=${organizationId}&status=member`)).body.items;
    expect((await s.call('PATCH', `/v1/profiles/${members[0].id}`, { body: { status: 'former' } })).status).toBe(200);
    expect((await s.call('PATCH', `/v1/profiles/${late.body.id}`, { body: { status: 'member' } })).status).toBe(200);
  });

  it('holds under a concurrent rush: exactly memberLimit members, the rest refused', async () => {
    const organizationId = await s.organization({ name: 'Busy studio', memberLimit: 5 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => profile(s, { organizationId, status: 'member', name: `Rusher ${i}` })));
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(25);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(25).fill('MEMBER_LIMIT_REACHED'));
    const [count] = await s.sql`select count(*)::int as n from profiles where organization_id = ${organizationId} and status = 'member'`;
    expect(count!.n).toBe(5);
  });

  it('only admins set package and memberLimit', async () => {
    const organizationId = await s.organization({ name: 'Managed studio' });
    const manager = await s.userWithToken({ role: 'manager', organizationId });
    const res = await s.call('PATCH', `/v1/organizations/${organizationId}`, { token: manager.token, body: { package: 'premium', memberLimit: 1000 } });
    expect(res.status).toBe(403);
    expect(res.body.fields).toEqual(['package', 'memberLimit']);
  });

  it('an aggregator of an unknown integration id is refused without creating anything', async () => {
    const organizationId = await s.organization({ name: 'Careful studio' });
    const res = await profile(s, { organizationId, aggregatorId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(422);
    const [count] = await s.sql`select count(*)::int as n from profiles where organization_id = ${organizationId}`;
    expect(count!.n).toBe(0);
  });
});
