import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { contractTruth, getAggregator, profile, seedProfiles, studioWorld, waitForAggregator } from './world';

describe('a backfill whose worker dies half-way', () => {
  const { s } = suiteStack();

  it('resumes after a restart: every one of 20 000 profiles ends with exactly one active contract', { timeout: 180_000 }, async () => {
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 20_000);
    const res = await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } });
    expect(res.status).toBe(202);

    await waitForAggregator(s, w.aggregatorId, (a) => a.profilesDone > 0, 60_000, 10);
    await s.stopWorker();
    const halfway = await getAggregator(s, w.aggregatorId);
    expect(halfway.state).toBe('assigning');
    expect(halfway.profilesDone).toBeGreaterThan(0);
    expect(halfway.profilesDone).toBeLessThan(20_000);
    const [contracts] = await s.sql`select count(*)::int as n from contracts where aggregator_id = ${w.aggregatorId} and status = 'active'`;
    expect(contracts!.n).toBe(halfway.profilesDone);

    // Without a worker the API still takes new profiles of the aggregator, each with its contract.
    const newcomers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = await profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId }, w.manager.token);
      expect(p.status).toBe(201);
      expect(p.body.contractId).toEqual(expect.any(String));
      newcomers.push(p.body.id);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await getAggregator(s, w.aggregatorId)).profilesDone).toBe(halfway.profilesDone + 10);

    await s.startWorker();
    const done = await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done', 120_000);
    expect(done).toMatchObject({ state: 'done', profilesTotal: 20_010, profilesDone: 20_010 });
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 20_010, withOne: 20_010, withMore: 0, withNone: 0, tariffs: [w.freeTariffId] });
    const [all] = await s.sql`select count(*)::int as n from contracts where aggregator_id = ${w.aggregatorId}`;
    expect(all!.n).toBe(20_010);
  });

  it('a continued run (as continue-as-new starts it) picks up a half-done backfill', { timeout: 120_000 }, async () => {
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 8_000);
    await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } });
    await waitForAggregator(s, w.aggregatorId, (a) => a.profilesDone > 0, 60_000, 10);
    await s.stopWorker();
    const workflowId = `aggregator-${w.aggregatorId}`;
    await s.client.workflow.getHandle(workflowId).terminate('replaced by a continued run');
    expect((await getAggregator(s, w.aggregatorId)).state).toBe('assigning');

    const next = await s.client.workflow.start('aggregatorWorkflow', {
      workflowId, taskQueue: s.taskQueue,
      args: [{ aggregatorId: w.aggregatorId, resume: { working: true, batchSize: 2_000, deactivated: false } }],
    });
    await s.startWorker();
    expect(await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done')).toMatchObject({ profilesTotal: 8_000, profilesDone: 8_000 });
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 8_000, withOne: 8_000, withMore: 0 });
    // And it goes on taking commands.
    const res = await s.call('DELETE', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token });
    expect(res.status).toBe(202);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ withNone: 8_000 });
    expect((await next.describe()).status.name).toBe('RUNNING');
  });
});
