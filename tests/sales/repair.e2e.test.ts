import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { saleStateQuery } from '../../workflows/sales/sale-definitions';
import { resetToFirstWorkflowTask } from '../support/reset';
import { suiteStack } from '../support/suite';
import type { TestStack } from '../support/stack';
import { waitFor } from '../support/wait';
import { saleStatus, saleWorld } from './world';

const handleOf = (s: TestStack, saleId: string) => s.client.workflow.getHandle(`sale-${saleId}`);
const searchStatus = async (s: TestStack, saleId: string) => ((await handleOf(s, saleId).describe()).searchAttributes.PartnerflowStatus ?? [])[0];
const workflowStatus = async (s: TestStack, saleId: string) => (await handleOf(s, saleId).query(saleStateQuery)).status;

/** An approved sale active today, with one key launched for `user@customer.test`. */
async function activeSale(s: TestStack) {
  const sale = await saleWorld(s);
  expect((await s.call('POST', `/v1/sales/${sale.saleId}/approve`, { token: sale.approver.token })).status).toBe(200);
  await waitFor(() => saleStatus(s, sale.saleId), (st) => st === 'active', { what: 'the sale to be active' });
  const launched = await s.call('POST', `/v1/sales/${sale.saleId}/launches`, { token: sale.registrant.token, body: { userEmail: 'user@customer.test' } });
  expect(launched.status).toBe(201);
  return { ...sale, key: launched.body.key as string };
}

describe('a sale workflow repaired from Temporal', () => {
  const { s } = suiteStack();

  it('reset to before its approval follows the database: still active, and cancels as it should', async () => {
    const sale = await activeSale(s);
    const newRunId = await resetToFirstWorkflowTask(s.client, `sale-${sale.saleId}`);
    await waitFor(() => handleOf(s, sale.saleId).describe(), (d) => d.runId === newRunId && d.status.name === 'RUNNING', { what: 'the reset run to run' });

    // The approval runs again, finds it recorded, and the run takes the status the database has.
    await waitFor(() => workflowStatus(s, sale.saleId), (st) => st === 'active', { what: 'the reset run to say active' });
    await waitFor(() => searchStatus(s, sale.saleId), (st) => st === 'active', { what: 'PartnerflowStatus to say active' });
    expect(await saleStatus(s, sale.saleId)).toBe('active');
    expect((await s.call('GET', `/v1/public/keys/${sale.key}`)).body.status).toBe('valid');
    // It is the live run that looks after the sale: a cancellation from Temporal reaches it and revokes the key.
    await handleOf(s, sale.saleId).cancel();
    await waitFor(() => saleStatus(s, sale.saleId), (st) => st === 'cancelled', { what: 'the reset run to cancel the sale' });
    expect((await s.call('GET', `/v1/public/keys/${sale.key}`)).body.status).toBe('revoked');
  });

  it('a reset rejected sale stays rejected', async () => {
    const sale = await saleWorld(s);
    expect((await s.call('POST', `/v1/sales/${sale.saleId}/reject`, { token: sale.approver.token, body: { reason: 'No contract' } })).status).toBe(200);
    expect(await handleOf(s, sale.saleId).result()).toEqual({ status: 'rejected' });
    const newRunId = await resetToFirstWorkflowTask(s.client, `sale-${sale.saleId}`);
    const after = s.client.workflow.getHandle(`sale-${sale.saleId}`, newRunId);
    expect(await after.result()).toEqual({ status: 'rejected' });
    expect((await after.describe()).searchAttributes.PartnerflowStatus).toEqual(['rejected']);
    expect(await saleStatus(s, sale.saleId)).toBe('rejected');
  });

  it('cancelled from Temporal while active: the sale is cancelled, every key revoked, the workflow ends Canceled', async () => {
    const sale = await activeSale(s);
    await handleOf(s, sale.saleId).cancel();
    const ended = await handleOf(s, sale.saleId).result().catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(WorkflowFailedError);
    expect((ended as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect((await handleOf(s, sale.saleId).describe()).status.name).toBe('CANCELLED');
    expect(await saleStatus(s, sale.saleId)).toBe('cancelled');
    expect(await searchStatus(s, sale.saleId)).toBe('cancelled');
    expect((await s.call('GET', `/v1/public/keys/${sale.key}`)).body.status).toBe('revoked');
    const launch = await s.call('POST', `/v1/sales/${sale.saleId}/launches`, { token: sale.registrant.token, body: { userEmail: 'late@customer.test' } });
    expect(launch.status).toBe(409);
    // The audit trail says who ended it early.
    const audit = await s.sql<{ actor: string; after: { status: string; cause?: string } }[]>`
      select actor, after from audit_events where entity = 'sale' and entity_id = ${sale.saleId} and action = 'cancel'`;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ status: 'cancelled', cause: 'temporal_cancel' });
  });

  it('cancelled from Temporal while pending approval: refused, the sale still waits for a decision', async () => {
    const sale = await saleWorld(s);
    await handleOf(s, sale.saleId).cancel();
    await waitFor(async () => {
      const events = (await handleOf(s, sale.saleId).fetchHistory()).events ?? [];
      const requested = events.findIndex((e) => e.workflowExecutionCancelRequestedEventAttributes);
      return requested >= 0 && events.slice(requested).some((e) => e.workflowTaskCompletedEventAttributes);
    }, (seen) => seen, { what: 'the workflow to see the cancellation' });
    expect((await handleOf(s, sale.saleId).describe()).status.name).toBe('RUNNING');
    expect(await workflowStatus(s, sale.saleId)).toBe('pending_approval');
    // The API's rejection (what the refusal points to) still reaches it.
    expect((await s.call('POST', `/v1/sales/${sale.saleId}/reject`, { token: sale.approver.token, body: { reason: 'Ops asked' } })).status).toBe(200);
    expect(await handleOf(s, sale.saleId).result()).toEqual({ status: 'rejected' });
  });
});
