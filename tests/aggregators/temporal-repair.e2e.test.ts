import { describe, expect, it } from 'vitest';
import { aggregatorProgressQuery } from '../../workflows/aggregators/aggregator-definitions';
import { scheduledActivities } from '../support/history';
import { resetToFirstWorkflowTask } from '../support/reset';
import { suiteStack } from '../support/suite';
import { waitFor } from '../support/wait';
import { contractTruth, getAggregator, seedProfiles, studioWorld, waitForAggregator } from './world';

describe('an aggregator integration reset from Temporal', () => {
  const { s } = suiteStack();

  it('reset to its first workflow task: the tariff assignment runs again, no contract is duplicated, and the run, its search attributes and the API agree', async () => {
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 120);
    expect((await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } })).status).toBeLessThan(300);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    const truth = await contractTruth(s, w.aggregatorId);
    expect(truth).toMatchObject({ profiles: 120, withOne: 120, withMore: 0, withNone: 0 });
    const contracts = (await s.sql<{ n: number }[]>`select count(*)::int as n from contracts where aggregator_id = ${w.aggregatorId}`)[0]!.n;
    const before = await getAggregator(s, w.aggregatorId, w.manager.token);

    const runId = await resetToFirstWorkflowTask(s.client, `aggregator-${w.aggregatorId}`);
    const handle = s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`, runId);
    await waitFor(() => scheduledActivities(handle), (a) => a.includes('applyAggregatorCommand'), { what: 'the reset run to apply the assignment again' });
    await waitFor(() => handle.query(aggregatorProgressQuery), (p) => !p.working && p.queued === 0, { what: 'the reset run to be idle again' });
    // The query answers from the worker's state, which runs ahead of the task completion that records the search attribute.
    const described = await waitFor(() => handle.describe(), (d) => d.searchAttributes.PartnerflowStatus?.[0] === before.state, { what: `the run's search attribute to say ${before.state}` });
    expect(described.status.name).toBe('RUNNING');
    expect(described.searchAttributes.PartnerflowStatus).toEqual([before.state]);
    expect(await getAggregator(s, w.aggregatorId, w.manager.token)).toMatchObject({ status: 'active', tariffId: w.freeTariffId, state: 'done' });
    expect(await contractTruth(s, w.aggregatorId)).toEqual(truth);
    const after = (await s.sql<{ n: number }[]>`select count(*)::int as n from contracts where aggregator_id = ${w.aggregatorId}`)[0]!.n;
    expect(after).toBe(contracts);
    const assigns = ((await s.call('GET', `/v1/audit?entity=aggregator&id=${w.aggregatorId}`, { token: w.manager.token })).body.items as { action: string }[]).filter((e) => e.action === 'assign_tariff' || e.action === 'assign');
    expect(assigns).toHaveLength(1);
    // Still the one live run: the API's deactivation reaches it.
    expect((await s.call('POST', `/v1/aggregators/${w.aggregatorId}/deactivate`, { token: w.manager.token, body: {} })).status).toBe(202);
    expect(await handle.result()).toBe('inactive');
    expect(await getAggregator(s, w.aggregatorId, w.manager.token)).toMatchObject({ status: 'inactive', tariffId: null });
  });
});
