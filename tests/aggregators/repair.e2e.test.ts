import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { contractTruth, getAggregator, seedProfiles, studioWorld, waitForAggregator } from './world';

describe('an aggregator integration cancelled from Temporal', () => {
  const { s } = suiteStack();

  it('`temporal workflow cancel` deactivates it as the API does: contracts terminated, profiles detached, workflow Canceled', async () => {
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 300);
    expect((await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } })).status).toBeLessThan(300);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect(await contractTruth(s, w.aggregatorId)).toMatchObject({ profiles: 300, withOne: 300 });

    const handle = s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`);
    await handle.cancel();
    const ended = await handle.result().catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(WorkflowFailedError);
    expect((ended as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    const described = await handle.describe();
    expect(described.status.name).toBe('CANCELLED');
    expect(described.searchAttributes.PartnerflowStatus).toEqual(['inactive']);

    expect(await getAggregator(s, w.aggregatorId, w.manager.token)).toMatchObject({ status: 'inactive', tariffId: null, state: 'done', profilesDone: 300 });
    const [left] = await s.sql`
      select (select count(*) from profiles where aggregator_id = ${w.aggregatorId})::int as attached,
             (select count(*) from contracts where aggregator_id = ${w.aggregatorId} and status = 'active')::int as active`;
    expect(left).toEqual({ attached: 0, active: 0 });
    const audit = await s.call('GET', `/v1/audit?entity=aggregator&id=${w.aggregatorId}`, { token: w.manager.token });
    const deactivations = audit.body.items.filter((e: { action: string }) => e.action === 'deactivate');
    expect(deactivations).toHaveLength(1);
    expect(deactivations[0]).toMatchObject({ actor: `workflow:aggregator-${w.aggregatorId}`, organizationId: w.organizationId, after: { status: 'inactive', cause: 'temporal_cancel' } });
    // The API now refuses further commands, as after its own deactivation.
    const assign = await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } });
    expect(assign.status).toBe(409);
  });
});
