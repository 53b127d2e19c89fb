import { describe, expect, it } from 'vitest';
import { aggregatorProgressQuery } from '../../workflows/aggregators/aggregator-definitions';
import { holdLock } from '../support/races';
import { suiteStack } from '../support/suite';
import { waitFor } from '../support/wait';
import { contractTruth, getAggregator, seedProfiles, studioWorld, tariff, waitForAggregator } from './world';

describe('a new command while a backfill is running', () => {
  const { s, w } = suiteStack({}, async (s) => {
    const world = await studioWorld(s);
    await seedProfiles(s, world.organizationId, world.aggregatorId, 10_000);
    return { ...world, second: await tariff(s, world.organizationId, 'FREE', world.manager.token) };
  });

  it('supersedes it: the new tariff reaches every profile from the first one, the old backfill never finishes', { timeout: 120_000 }, async () => {
    const put = (tariffId: string) => s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId } });
    expect((await put(w.freeTariffId)).status).toBe(202);
    // Hold the integration's row: the first assignment's running batch cannot commit its progress.
    const held = await holdLock(s.dbUrl, (tx) => tx`select 1 from aggregators where id = ${w.aggregatorId} for update`);
    let second: ReturnType<typeof put> | undefined;
    try {
      await held.waitForWaiters(1, 'a batch of the first assignment');
      const during = await getAggregator(s, w.aggregatorId);
      expect(during).toMatchObject({ state: 'assigning', tariffId: w.freeTariffId });
      expect(during.profilesDone).toBeLessThan(10_000);
      second = put(w.second);
      await waitFor(() => s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`).query(aggregatorProgressQuery), (p) => p.queued === 1 && p.working, {
        what: 'the second assignment to be queued behind the running batch',
      });
    } finally {
      await held.release();
    }
    const answer = await second!;
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ tariffId: w.second, state: 'assigning' });

    const done = await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect(done).toMatchObject({ tariffId: w.second, profilesTotal: 10_000, profilesDone: 10_000 });
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 10_000, withOne: 10_000, withMore: 0, withNone: 0, tariffs: [w.second] });
    // The first assignment reached some profiles before it was superseded; the second moved those.
    const [first] = await s.sql`
      select count(*)::int as n, count(*) filter (where status = 'terminated' and termination_reason = 'tariff_changed')::int as moved
      from contracts where aggregator_id = ${w.aggregatorId} and tariff_id = ${w.freeTariffId}`;
    expect(first!.n).toBeGreaterThan(0);
    expect(first!.n).toBeLessThan(10_000);
    expect(first!.moved).toBe(first!.n);
    const audit = (await s.call('GET', `/v1/audit?entity=aggregator&id=${w.aggregatorId}&limit=200`, { token: w.manager.token })).body.items;
    const actions: string[] = audit.map((e: { action: string }) => e.action);
    expect(actions.filter((a) => a === 'assign')).toHaveLength(2);
    expect(actions.filter((a) => a === 'assign_finished')).toHaveLength(1);
    // The one finish belongs to the second assignment's generation.
    const generations = audit.filter((e: { action: string }) => e.action === 'assign').map((e: { after: { generation: number } }) => e.after.generation);
    const finished = audit.find((e: { action: string }) => e.action === 'assign_finished').after.generation;
    expect(finished).toBe(Math.max(...generations));
  });
});
