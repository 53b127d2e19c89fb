import { expect } from 'vitest';
import { aggregatorProgressQuery } from '../../../workflows/aggregators/aggregator-definitions';
import { seedProfiles, studioWorld, waitForAggregator } from '../../aggregators/world';
import { resetToFirstWorkflowTask } from '../../support/reset';
import { waitFor } from '../../support/wait';
import type { Drivers } from './context';

export const aggregators: Drivers<'aggregatorWorkflow'> = {
  async assign(ctx) {
    const s = await ctx.stack();
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 3_000);
    expect((await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } })).status).toBe(202);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    return { stack: s, workflowId: `aggregator-${w.aggregatorId}` };
  },

  // Reset to its first workflow task after an assignment: the assignment is applied again, changes
  // nothing, and the run publishes the state the database answered; the API's deactivation ends it.
  async 'reset-follows-database'(ctx) {
    const s = await ctx.stack({ timeSkipping: false });
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 50);
    expect((await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } })).status).toBe(202);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    const runId = await resetToFirstWorkflowTask(s.client, `aggregator-${w.aggregatorId}`);
    const handle = s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`, runId);
    await waitFor(async () => (await handle.describe()).searchAttributes.PartnerflowStatus, (st) => JSON.stringify(st) === '["done"]', { what: 'the reset run to publish done' });
    await waitFor(() => handle.query(aggregatorProgressQuery), (p) => !p.working && p.queued === 0, { what: 'the reset run to be idle' });
    expect((await s.call('POST', `/v1/aggregators/${w.aggregatorId}/deactivate`, { token: w.manager.token, body: {} })).status).toBe(202);
    expect(await handle.result()).toBe('inactive');
    return { stack: s, workflowId: `aggregator-${w.aggregatorId}`, runId };
  },

  async deactivate(ctx) {
    const s = await ctx.stack();
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 1_500);
    expect((await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } })).status).toBe(202);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect((await s.call('POST', `/v1/aggregators/${w.aggregatorId}/deactivate`, { token: w.manager.token, body: {} })).status).toBe(202);
    expect(await s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`).result()).toBe('inactive');
    return { stack: s, workflowId: `aggregator-${w.aggregatorId}` };
  },

  // `temporal workflow cancel`: deactivated as by the API, its cleanup run, then ended Canceled.
  async 'temporal-cancel'(ctx) {
    const s = await ctx.stack();
    const w = await studioWorld(s);
    await seedProfiles(s, w.organizationId, w.aggregatorId, 300);
    expect((await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } })).status).toBe(202);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    const handle = s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`);
    await handle.cancel();
    await expect(handle.result()).rejects.toThrow();
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    expect(await waitForAggregator(s, w.aggregatorId, (a) => a.status === 'inactive' && a.state === 'done')).toBeTruthy();
    return { stack: s, workflowId: `aggregator-${w.aggregatorId}` };
  },

  // The first run of a long backfill, handing over when the server suggests it (a dev server suggesting it early).
  async 'continue-as-new'(ctx) {
    const { s, w, firstRunId } = await continuedBackfill(ctx);
    return { stack: s, workflowId: `aggregator-${w.aggregatorId}`, runId: firstRunId };
  },

  // The run that takes over: it finishes the backfill it was handed, then waits for commands.
  async continued(ctx) {
    const { s, w, firstRunId } = await continuedBackfill(ctx);
    const d = await s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`).describe();
    expect(d.runId).not.toBe(firstRunId);
    return { stack: s, workflowId: `aggregator-${w.aggregatorId}`, runId: d.runId };
  },

  async abandoned(ctx) {
    const s = await ctx.stack();
    const id = '00000000-0000-4000-8000-0000000000a1';
    const handle = await s.client.workflow.start('aggregatorWorkflow', { taskQueue: s.taskQueue, workflowId: `aggregator-${id}`, args: [{ aggregatorId: id }] });
    expect(await handle.result()).toBe('abandoned');
    return { stack: s, workflowId: `aggregator-${id}` };
  },
};

async function continuedBackfill(ctx: Parameters<Drivers<'aggregatorWorkflow'>['assign']>[0]) {
  const s = await ctx.stack({ timeSkipping: false, temporalAddress: await ctx.devServerSuggestingContinueAsNew(30) });
  const w = await studioWorld(s);
  await seedProfiles(s, w.organizationId, w.aggregatorId, 12_000);
  const handle = s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`);
  const firstRunId = (await handle.describe()).runId;
  expect((await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } })).status).toBe(202);
  await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done', 120_000);
  const first = await s.client.workflow.getHandle(`aggregator-${w.aggregatorId}`, firstRunId).fetchHistory();
  expect(first.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
  return { s, w, firstRunId };
}
