import { describe, expect, it } from 'vitest';
import { aggregatorProgressQuery } from '../../workflows/aggregators/aggregator-definitions';
import { holdLock } from '../support/races';
import { suiteStack } from '../support/suite';
import { waitFor } from '../support/wait';
import { contractTruth, getAggregator, profile, seedProfiles, studioWorld, waitForAggregator } from './world';

describe('deactivating an aggregator integration', () => {
  // A studio whose aggregator has 3 000 profiles on its FREE tariff, and 4 members of its own.
  const { s, w } = suiteStack({}, async (s) => {
    const world = await studioWorld(s);
    await seedProfiles(s, world.organizationId, world.aggregatorId, 3_000);
    await seedProfiles(s, world.organizationId, null, 4, 'member');
    await s.call('PUT', `/v1/aggregators/${world.aggregatorId}/tariff`, { token: world.manager.token, body: { tariffId: world.freeTariffId } });
    await waitForAggregator(s, world.aggregatorId, (a) => a.state === 'done');
    return world;
  });

  const deactivate = (query = '') => s.call('POST', `/v1/aggregators/${w.aggregatorId}/deactivate${query}`, { token: w.manager.token, body: {} });
  const stats = async () => (await s.call('GET', `/v1/organizations/${w.organizationId}/member-stats`, { token: w.manager.token })).body;

  it('a dry run tells how many profiles and contracts it would touch, and changes nothing', async () => {
    const dry = await deactivate('?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      dryRun: true, action: 'deactivate', aggregatorId: w.aggregatorId, tariffId: null,
      profilesAffected: 3_000, contractsToCreate: 0, contractsToTerminate: 3_000, profilesToDetach: 3_000,
    });
    expect(await getAggregator(s, w.aggregatorId)).toMatchObject({ status: 'active', tariffId: w.freeTariffId, state: 'done' });
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 3_000, withOne: 3_000 });
  });

  it('terminates the contracts, removes the aggregator id, leaves plain prospects; profiles stay', async () => {
    const before = await stats();
    const [someone] = await s.sql<{ id: string }[]>`select id from profiles where aggregator_id = ${w.aggregatorId} limit 1`;
    const res = await deactivate();
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'inactive', tariffId: null, deactivatedAt: expect.any(String) });

    const done = await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect(done).toMatchObject({ status: 'inactive', profilesTotal: 3_000, profilesDone: 3_000 });
    const [left] = await s.sql`
      select (select count(*) from profiles where aggregator_id = ${w.aggregatorId})::int as attached,
             (select count(*) from contracts where aggregator_id = ${w.aggregatorId} and status = 'active')::int as active,
             (select count(*) from contracts where aggregator_id = ${w.aggregatorId} and termination_reason = 'aggregator_deactivated')::int as terminated`;
    expect(left).toEqual({ attached: 0, active: 0, terminated: 3_000 });

    const formerAggregatorProfile = (await s.call('GET', `/v1/profiles/${someone!.id}`, { token: w.manager.token })).body;
    expect(formerAggregatorProfile).toMatchObject({ status: 'prospect', aggregatorId: null });
    const contracts = (await s.call('GET', `/v1/profiles/${someone!.id}/contracts`, { token: w.manager.token })).body.items;
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({ status: 'terminated', terminationReason: 'aggregator_deactivated', terminatedAt: expect.any(String) });

    expect(await stats()).toEqual({ ...before, aggregatorProspects: 0 });
    expect(before).toMatchObject({ members: 4, prospects: 3_000, aggregatorProspects: 3_000 });
  });

  it('the workflow ends and says so to ops', async () => {
    const handle = s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`);
    expect(await handle.result()).toBe('inactive');
    const d = await handle.describe();
    expect((d.searchAttributes as Record<string, unknown[]>).PartnerflowStatus).toEqual(['inactive']);
  });

  it('is final: no tariff, no new profiles; deactivating again changes nothing', async () => {
    const assign = await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } });
    expect(assign.status).toBe(409);
    // problem+json's `status` is the HTTP status; the integration's state has its own name.
    expect(assign.body).toMatchObject({ status: 409, code: 'INVALID_STATE', integrationStatus: 'inactive' });
    expect((await s.call('DELETE', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token })).status).toBe(409);
    const newcomer = await profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId }, w.manager.token);
    expect(newcomer.status).toBe(409);
    expect(newcomer.body).toMatchObject({ status: 409, code: 'INVALID_STATE', integrationStatus: 'inactive' });
    const again = await deactivate();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'inactive', state: 'done' });
    const dry = await deactivate('?dryRun=true');
    expect(dry.body.profilesAffected).toBe(0);
  });

  it('deactivating in the middle of an assignment cleans up every profile', async () => {
    const other = await studioWorld(s);
    await seedProfiles(s, other.organizationId, other.aggregatorId, 10_000);
    const started = await s.call('PUT', `/v1/aggregators/${other.aggregatorId}/tariff`, { token: other.manager.token, body: { tariffId: other.freeTariffId } });
    expect(started.status).toBe(202);
    // Hold the integration's row: the running batch cannot commit its progress, so the backfill
    // is certainly still running when the deactivation arrives.
    const held = await holdLock(s.dbUrl, (tx) => tx`select 1 from aggregators where id = ${other.aggregatorId} for update`);
    let deactivation: ReturnType<typeof s.call> | undefined;
    try {
      await held.waitForWaiters(1, 'a backfill batch of the assignment');
      const during = await getAggregator(s, other.aggregatorId);
      expect(during).toMatchObject({ status: 'active', state: 'assigning' });
      expect(during.profilesDone).toBeLessThan(10_000);
      deactivation = s.call('POST', `/v1/aggregators/${other.aggregatorId}/deactivate`, { token: other.manager.token });
      // The workflow has the deactivation queued behind the batch it is running.
      await waitFor(() => s.client.workflow.getHandle(`aggregator-${other.aggregatorId}`).query(aggregatorProgressQuery), (p) => p.queued === 1 && p.working, {
        what: 'the deactivation to be queued behind the running batch',
      });
    } finally {
      await held.release();
    }
    const res = await deactivation!;
    expect(res.status).toBe(202);
    await s.client.workflow.getHandle(`aggregator-${other.aggregatorId}`).result();
    expect(await getAggregator(s, other.aggregatorId)).toMatchObject({ status: 'inactive', state: 'done', profilesTotal: 10_000, profilesDone: 10_000 });
    const [left] = await s.sql`
      select (select count(*) from profiles where aggregator_id = ${other.aggregatorId})::int as attached,
             (select count(*) from contracts where aggregator_id = ${other.aggregatorId} and status = 'active')::int as active,
             (select count(*) from profiles where organization_id = ${other.organizationId} and status = 'prospect')::int as prospects,
             (select count(*) from contracts where aggregator_id = ${other.aggregatorId} and termination_reason = 'aggregator_deactivated')::int as terminated`;
    expect(left).toMatchObject({ attached: 0, active: 0, prospects: 10_000 });
    // The assignment was cut short: only the profiles it had reached got (and lost) a contract.
    expect(left!.terminated).toBeGreaterThan(0);
    expect(left!.terminated).toBeLessThan(10_000);
    const actions = (await s.call('GET', `/v1/audit?entity=aggregator&id=${other.aggregatorId}&limit=200`, { token: other.manager.token })).body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('assign');
    expect(actions).not.toContain('assign_finished');
    expect(actions.filter((a: string) => a === 'deactivate_finished')).toHaveLength(1);
  });
});
