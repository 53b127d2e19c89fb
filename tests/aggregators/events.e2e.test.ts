import { describe, expect, it } from 'vitest';
import { eventsAbout } from '../support/events';
import { suiteStack } from '../support/suite';
import { seedProfiles, studioWorld, waitForAggregator } from './world';

// The aggregator integration's events, each recorded in the transaction of the change it
// reports: the tariff assigned, each backfill finished, the deactivation. A refused or repeated
// command records nothing.
describe('aggregator events', () => {
  const { s, w } = suiteStack({}, async (s) => {
    const world = await studioWorld(s);
    await seedProfiles(s, world.organizationId, world.aggregatorId, 30);
    return world;
  });

  const events = <T extends 'aggregator.tariff_assigned' | 'aggregator.backfill_completed' | 'aggregator.deactivated'>(type: T) => eventsAbout(s.sql, type, 'aggregatorId', w.aggregatorId);
  const assign = (tariffId: string) => s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId } });

  it('assigning a tariff records aggregator.tariff_assigned at once and aggregator.backfill_completed when every profile has it', async () => {
    expect((await assign(w.freeTariffId)).status).toBe(202);
    const assigned = await events('aggregator.tariff_assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ organizationId: w.organizationId, data: { aggregatorId: w.aggregatorId, organizationId: w.organizationId, tariffId: w.freeTariffId } });
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    const completed = await events('aggregator.backfill_completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ organizationId: w.organizationId, data: { aggregatorId: w.aggregatorId, organizationId: w.organizationId, tariffId: w.freeTariffId, profilesDone: 30, mode: 'assign' } });

    // The same tariff again changes nothing and announces nothing.
    const again = await assign(w.freeTariffId);
    expect(again.status).toBeLessThan(300);
    expect(await events('aggregator.tariff_assigned')).toHaveLength(1);
    // An unknown tariff is refused: nothing announced.
    expect((await assign('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await events('aggregator.tariff_assigned')).toHaveLength(1);
  });

  it('deactivation records aggregator.deactivated with the contracts it terminates; a command afterwards is refused and records nothing', async () => {
    const res = await s.call('POST', `/v1/aggregators/${w.aggregatorId}/deactivate`, { token: w.manager.token, body: {} });
    expect(res.status).toBe(202);
    const deactivated = await events('aggregator.deactivated');
    expect(deactivated).toHaveLength(1);
    expect(deactivated[0]).toMatchObject({ organizationId: w.organizationId, data: { aggregatorId: w.aggregatorId, organizationId: w.organizationId, contractsTerminated: 30 } });
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    const completed = await events('aggregator.backfill_completed');
    expect(completed.map((e) => e.data.mode)).toEqual(['assign', 'deactivate']);
    expect(completed[1]!.data).toMatchObject({ tariffId: null, profilesDone: 30 });

    expect((await assign(w.freeTariffId)).status).toBe(409);
    expect((await s.call('POST', `/v1/aggregators/${w.aggregatorId}/deactivate`, { token: w.manager.token, body: {} })).status).toBeLessThan(300);
    expect(await events('aggregator.tariff_assigned')).toHaveLength(1);
    expect(await events('aggregator.deactivated')).toHaveLength(1);
  });
});
