import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { contractTruth, getAggregator, profile, seedProfiles, studioWorld, tariff, waitForAggregator } from './world';

describe('assigning a FREE tariff to an aggregator', () => {
  const { s, w } = suiteStack({}, studioWorld);

  const assign = (tariffId: string, query = '') => s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff${query}`, { token: w.manager.token, body: { tariffId } });
  const stats = async () => (await s.call('GET', `/v1/organizations/${w.organizationId}/member-stats`, { token: w.manager.token })).body;
  const activeContracts = async (profileId: string) =>
    (await s.call('GET', `/v1/profiles/${profileId}/contracts?status=active`, { token: w.manager.token })).body.items;

  it('starts without a tariff, idle', async () => {
    expect(await getAggregator(s, w.aggregatorId, w.manager.token)).toMatchObject({ status: 'active', tariffId: null, state: 'idle', profilesTotal: 0, profilesDone: 0 });
  });

  it('gives every existing profile a contract in batches, and each one created afterwards at creation; members untouched', async () => {
    await seedProfiles(s, w.organizationId, w.aggregatorId, 5_000);
    await seedProfiles(s, w.organizationId, null, 7, 'member');
    const before = await stats();
    expect(before).toMatchObject({ members: 7, prospects: 5_000, aggregatorProspects: 5_000 });

    const dry = await assign(w.freeTariffId, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, action: 'assign', profilesAffected: 5_000, contractsToCreate: 5_000, contractsToTerminate: 0 });
    expect((await getAggregator(s, w.aggregatorId)).tariffId).toBeNull();

    const res = await assign(w.freeTariffId);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ tariffId: w.freeTariffId, profilesTotal: 5_000 });
    expect(['assigning', 'done']).toContain(res.body.state);

    const seen = new Set<number>();
    const done = await waitForAggregator(s, w.aggregatorId, (a) => {
      seen.add(a.profilesDone);
      return a.state === 'done';
    }, 60_000, 20);
    expect(done).toMatchObject({ state: 'done', profilesTotal: 5_000, profilesDone: 5_000 });
    expect([...seen].some((n) => n > 0 && n < 5_000)).toBe(true);
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 5_000, withOne: 5_000, withMore: 0, tariffs: [w.freeTariffId] });

    const later = await profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId }, w.manager.token);
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ status: 'prospect', aggregatorId: w.aggregatorId });
    const contracts = await activeContracts(later.body.id);
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({ tariffId: w.freeTariffId, status: 'active', source: 'aggregator', paymentFrequency: 'FREE', terminatedAt: null });
    expect(contracts[0].services.map((x: { kind: string }) => x.kind)).toEqual(['service', 'flat_rate', 'module']);
    expect(await getAggregator(s, w.aggregatorId)).toMatchObject({ profilesTotal: 5_001, profilesDone: 5_001 });

    expect(await stats()).toMatchObject({ members: 7, prospects: 5_001, aggregatorProspects: 5_001 });
  });

  it('assigning the same tariff again changes nothing', async () => {
    const [before] = await s.sql`select count(*)::int as n, max(started_at) as last from contracts where aggregator_id = ${w.aggregatorId}`;
    const dry = await assign(w.freeTariffId, '?dryRun=1');
    expect(dry.body).toMatchObject({ dryRun: true, profilesAffected: 0, contractsToCreate: 0 });
    const again = await assign(w.freeTariffId);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ tariffId: w.freeTariffId, state: 'done' });
    const [after] = await s.sql`select count(*)::int as n, max(started_at) as last from contracts where aggregator_id = ${w.aggregatorId}`;
    expect(after).toEqual(before);
  });

  it('a profile created while the backfill is running gets exactly one contract', async () => {
    const other = await studioWorld(s);
    await seedProfiles(s, other.organizationId, other.aggregatorId, 15_000);
    const res = await s.call('PUT', `/v1/aggregators/${other.aggregatorId}/tariff`, { token: other.manager.token, body: { tariffId: other.freeTariffId } });
    expect(res.status).toBe(202);
    const during: string[] = [];
    let createdWhileAssigning = 0;
    for (let i = 0; i < 40; i++) {
      const p = await profile(s, { organizationId: other.organizationId, aggregatorId: other.aggregatorId }, other.manager.token);
      expect(p.status).toBe(201);
      during.push(p.body.id);
      if ((await getAggregator(s, other.aggregatorId)).state === 'assigning') createdWhileAssigning++;
    }
    expect(createdWhileAssigning).toBeGreaterThan(0);
    const done = await waitForAggregator(s, other.aggregatorId, (a) => a.state === 'done');
    expect(done).toMatchObject({ profilesTotal: 15_040, profilesDone: 15_040 });
    expect(await contractTruth(s, other.aggregatorId)).toMatchObject({ profiles: 15_040, withOne: 15_040, withMore: 0 });
    for (const id of during.slice(0, 5)) {
      const res = await s.call('GET', `/v1/profiles/${id}/contracts?status=active`, { token: other.manager.token });
      expect(res.body.items).toHaveLength(1);
    }
  });

  it('changing the tariff moves every profile: the old contract terminated, a new one active', async () => {
    const second = await tariff(s, w.organizationId, 'FREE', w.manager.token);
    const dry = await assign(second, '?dryRun=true');
    expect(dry.body).toMatchObject({ profilesAffected: 5_001, contractsToCreate: 5_001, contractsToTerminate: 5_001 });
    const res = await assign(second);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ tariffId: second });
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 5_001, withOne: 5_001, tariffs: [second] });
    const [old] = await s.sql`
      select count(*)::int as n, count(*) filter (where termination_reason = 'tariff_changed' and terminated_at is not null)::int as reasoned
      from contracts where aggregator_id = ${w.aggregatorId} and tariff_id = ${w.freeTariffId} and status = 'terminated'`;
    expect(old).toEqual({ n: 5_001, reasoned: 5_001 });
    const [someone] = await s.sql<{ id: string }[]>`select id from profiles where aggregator_id = ${w.aggregatorId} limit 1`;
    const all = (await s.call('GET', `/v1/profiles/${someone!.id}/contracts`, { token: w.manager.token })).body.items;
    expect(all.map((c: { tariffId: string; status: string }) => [c.tariffId, c.status])).toEqual([[second, 'active'], [w.freeTariffId, 'terminated']]);
    expect(all[1].terminationReason).toBe('tariff_changed');
  });

  it('unassigning terminates the contracts; profiles stay prospects of the aggregator', async () => {
    const dry = await s.call('DELETE', `/v1/aggregators/${w.aggregatorId}/tariff?dryRun=true`, { token: w.manager.token });
    expect(dry.body).toMatchObject({ dryRun: true, action: 'unassign', profilesAffected: 5_001, contractsToTerminate: 5_001, contractsToCreate: 0 });
    const res = await s.call('DELETE', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ tariffId: null });
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 5_001, withOne: 0, withNone: 5_001 });
    const [terminated] = await s.sql`select count(*)::int as n from contracts where aggregator_id = ${w.aggregatorId} and termination_reason = 'tariff_unassigned'`;
    expect(terminated!.n).toBe(5_001);
    expect(await stats()).toMatchObject({ members: 7, prospects: 5_001 });

    const newcomer = await profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId }, w.manager.token);
    expect(newcomer.body.contractId).toBeNull();
    const again = await s.call('DELETE', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token });
    expect(again.status).toBe(200);
  });

  it('ops find the workflow by kind, studio and state', async () => {
    const handle = s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`);
    const d = await handle.describe();
    expect(d.status.name).toBe('RUNNING');
    const attrs = d.searchAttributes as Record<string, unknown[]>;
    expect(attrs.PartnerflowKind).toEqual(['aggregator']);
    expect(attrs.PartnerflowOrganizationId).toEqual([w.organizationId]);
    expect(attrs.PartnerflowStatus).toEqual(['done']);
  });

  it('records every change in the audit trail', async () => {
    const audit = (await s.call('GET', `/v1/audit?entity=aggregator&id=${w.aggregatorId}&limit=200`, { token: w.manager.token })).body.items;
    const actions = audit.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('create');
    expect(actions.filter((a: string) => ['assign', 'unassign'].includes(a))).toEqual(['assign', 'assign', 'unassign']);
    expect(actions).toContain('assign_finished');
    expect(actions).toContain('unassign_finished');
    expect(audit.find((e: { action: string }) => e.action === 'assign').actor).toBe(`user:${w.manager.userId}`);
  });
});
