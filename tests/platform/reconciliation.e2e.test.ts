import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/domain/sales/dates';
import { createLogger } from '../../src/logger';
import { ensureSchedules, PRUNE_IDEMPOTENCY_SCHEDULE_ID, RECONCILE_SCHEDULE_ID } from '../../src/temporal/schedules';
import { saleWorld, type SaleWorld } from '../sales/world';
import { afterFirstWorkflowTask } from '../support/history';
import { resetToFirstWorkflowTask } from '../support/reset';
import { startTestStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/wait';

/** The reconciliation schedule: live rows whose workflow has ended are flagged, visible in the API and Temporal, and logged. */
describe('the reconciliation schedule', () => {
  let s: TestStack;
  let log = '';
  let broken: SaleWorld;
  let healthy: SaleWorld;
  const prefix = () => `${s.taskQueue}-`;
  const findings = async (token?: string) => (await s.call('GET', '/v1/reconciliation/findings', token ? { token } : {})).body;
  const runsFlagging = async (workflowId: string) => {
    const ids: string[] = [];
    for await (const wf of s.client.workflow.list({ query: `WorkflowType = "reconcileWorkflow" AND PartnerflowNeedsAttention = "${workflowId}"` })) ids.push(wf.workflowId);
    return ids;
  };

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    s = await startTestStack({ logger: createLogger('info', { destination }) });
    const later = addDays(todayUtc(new Date()), 10);
    broken = await saleWorld(s, { activationDate: later });
    healthy = await saleWorld(s, { activationDate: later });
  });
  afterAll(async () => s?.close());

  it('flags a pending sale whose workflow was terminated, leaves its status alone and the healthy sale unflagged', async () => {
    // Ops terminate a sale that is running: past its first workflow task, as a reset later needs.
    await afterFirstWorkflowTask(s.client.workflow.getHandle(`sale-${broken.saleId}`));
    await s.client.workflow.getHandle(`sale-${broken.saleId}`).terminate('ops: terminated by mistake');
    await ensureSchedules(s.client, s.taskQueue, prefix());
    await ensureSchedules(s.client, s.taskQueue, prefix()); // a second worker start changes nothing
    const schedule = s.client.schedule.getHandle(prefix() + RECONCILE_SCHEDULE_ID);
    expect((await schedule.describe()).spec.intervals?.[0]?.every).toBe(15 * 60 * 1000);
    await schedule.trigger();

    const found = await waitFor(() => findings(), (b) => b.items?.length > 0, { what: 'the triggered run to record its finding' });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      kind: 'sale', id: broken.saleId, organizationId: broken.organizationId, workflowId: `sale-${broken.saleId}`,
      status: 'pending_approval', workflowStatus: 'TERMINATED', needsAttention: true, reason: expect.stringContaining('terminated'),
    });
    // The business status is the row's own: the sale still reads pending approval.
    expect((await s.call('GET', `/v1/sales/${broken.saleId}`)).body.status).toBe('pending_approval');
    expect((await s.call('GET', `/v1/sales/${healthy.saleId}`)).body.status).toBe('pending_approval');
    // Ops find it by search attribute: the run that flagged it carries its workflow id.
    const runs = await waitFor(() => runsFlagging(`sale-${broken.saleId}`), (ids) => ids.length > 0, { what: 'the run to be listed under PartnerflowNeedsAttention' });
    expect(runs.every((id) => id.startsWith(prefix() + 'platform-reconcile'))).toBe(true);
    expect(await runsFlagging(`sale-${healthy.saleId}`)).toEqual([]);
    // And the worker's log says what it found.
    expect(log).toContain(`"workflowId":"sale-${broken.saleId}"`);
    expect(log).toContain('needs attention: the sale is pending_approval but its workflow is terminated');
    expect(log).not.toContain(`"workflowId":"sale-${healthy.saleId}"`);
  });

  it('shows a manager the findings of their organizations only, and refuses approvers', async () => {
    const mine = await findings(broken.registrant.token);
    expect(mine.items.map((f: { id: string }) => f.id)).toEqual([broken.saleId]);
    expect((await findings(healthy.registrant.token)).items).toEqual([]);
    const refused = await s.call('GET', '/v1/reconciliation/findings', { token: broken.approver.token });
    expect(refused.status).toBe(403);
    expect((await s.call('GET', '/v1/reconciliation/findings?kind=campaign')).body.items).toEqual([]);
    expect((await s.call('GET', '/v1/reconciliation/findings?kind=nonsense')).status).toBe(400);
  });

  it('a run reset to its first workflow task finds the same once: one finding, found when it was first found', async () => {
    const before = (await findings()).items;
    expect(before).toHaveLength(1);
    const id = `${prefix()}reconcile-reset`;
    const first = await s.client.workflow.execute('reconcileWorkflow', { taskQueue: s.taskQueue, workflowId: id });
    expect(first.needsAttention).toEqual([`sale-${broken.saleId}`]);
    const runId = await resetToFirstWorkflowTask(s.client, id);
    const again = await s.client.workflow.getHandle(id, runId).result();
    expect(again.needsAttention).toEqual([`sale-${broken.saleId}`]);
    const after = (await findings()).items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: broken.saleId, foundAt: before[0].foundAt });
  });

  it('is cleared by the next run once the workflow runs again (a reset), and a run finding nothing flags nothing', async () => {
    await resetToFirstWorkflowTask(s.client, `sale-${broken.saleId}`);
    await waitFor(async () => (await s.client.workflow.getHandle(`sale-${broken.saleId}`).describe()).status.name, (st) => st === 'RUNNING', { what: 'the reset run to be running' });
    const run = await s.client.workflow.execute('reconcileWorkflow', { taskQueue: s.taskQueue, workflowId: `${prefix()}reconcile-after-reset` });
    expect(run.needsAttention).toEqual([]);
    expect(run.cleared).toBe(1);
    expect(run.checked).toBeGreaterThanOrEqual(2);
    expect((await findings()).items).toEqual([]);
    expect(log).toContain('needs attention no more: cleared');
    await s.client.schedule.getHandle(prefix() + RECONCILE_SCHEDULE_ID).delete();
    await s.client.schedule.getHandle(prefix() + PRUNE_IDEMPOTENCY_SCHEDULE_ID).delete();
  });
});
