import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { purchaseStateQuery } from '../../workflows/allotments/purchase-definitions';
import { scheduledActivities } from '../support/history';
import { cancelBeforeItRuns, cancelRequested, resetToFirstWorkflowTask } from '../support/reset';
import { deliver, paymentIntent, stripeEvent } from './stripe';
import { ledger, partnerSuite, waitFor } from './world';

describe('purchases and bulk invitations repaired from Temporal', () => {
  const { s, w } = partnerSuite({ grant: 5 });

  async function buy(quantity: number) {
    const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity, currency: 'EUR' } });
    expect(res.status).toBe(201);
    expect(res.body.paymentIntentId).toMatch(/^pi_/);
    return res.body as { id: string; paymentIntentId: string };
  }

  async function bulkInvite(names: string[]) {
    const csv = 'email,name\n' + names.map((n) => `${n}@example.test,${n}`).join('\n') + '\n';
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(202);
    return res.body.id as string;
  }

  it('`temporal workflow cancel` of a purchase awaiting payment expires it as at its end: payment closed in Stripe, row expired, nothing allocated, workflow Canceled', async () => {
    const before = await ledger(s, w.organizationId, w.assessmentId);
    const p = await buy(10);
    const handle = s.client.workflow.getHandle(`purchase-${p.id}`);
    await handle.cancel();
    const ended = await handle.result().catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(WorkflowFailedError);
    expect((ended as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    const described = await handle.describe();
    expect(described.status.name).toBe('CANCELLED');
    expect(described.searchAttributes.PartnerflowStatus).toEqual(['expired']);
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body).toMatchObject({ status: 'expired' });
    expect(await ledger(s, w.organizationId, w.assessmentId)).toEqual(before);
    // As at the end of its window: the PaymentIntent is cancelled in Stripe, then the purchase expired.
    expect((await scheduledActivities(handle)).slice(-2)).toEqual(['cancelPayment', 'expirePurchase']);
    const audit = (await s.call('GET', `/v1/audit?entity=purchase&id=${p.id}`)).body.items as { action: string }[];
    const expiries = audit.filter((e) => e.action === 'expire');
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({ actor: `workflow:purchase-${p.id}`, organizationId: w.organizationId, after: { status: 'expired', cause: 'temporal_cancel' } });
    // A payment arriving afterwards allocates nothing.
    const late = await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: 10_000, purchaseId: p.id })));
    expect(late.status).toBe(200);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toEqual(before);
  });

  it('a paid purchase reset to its first workflow task allocates nothing twice and still says paid', async () => {
    const before = await ledger(s, w.organizationId, w.assessmentId);
    const p = await buy(10);
    expect((await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: 10_000, purchaseId: p.id })))).body.result).toBe('applied');
    expect(await s.client.workflow.getHandle(`purchase-${p.id}`).result()).toBe('paid');
    const paid = await ledger(s, w.organizationId, w.assessmentId);
    expect(paid.allocated).toBe(before.allocated + 10);

    const runId = await resetToFirstWorkflowTask(s.client, `purchase-${p.id}`);
    const handle = s.client.workflow.getHandle(`purchase-${p.id}`, runId);
    // The reset run receives the payment signal again, allocates again, which changes nothing.
    expect(await handle.result()).toBe('paid');
    expect(await scheduledActivities(handle)).toContain('allocatePurchase');
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['paid']);
    expect(await handle.query(purchaseStateQuery)).toMatchObject({ status: 'paid', paid: true });
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body).toMatchObject({ status: 'paid' });
    expect(await ledger(s, w.organizationId, w.assessmentId)).toEqual(paid);
    const actions = ((await s.call('GET', `/v1/audit?entity=purchase&id=${p.id}`)).body.items as { action: string }[]).map((e) => e.action);
    expect(actions.filter((a) => a === 'paid')).toHaveLength(1);
  });

  it('`temporal workflow cancel` of a bulk invitation is refused: every invitation still goes out and the job completes', async () => {
    const { created: jobId, handle } = await cancelBeforeItRuns(s, () => bulkInvite(['refused1', 'refused2', 'refused3']), (id) => `job-${id}`);
    await handle.result();
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect(await cancelRequested(handle)).toBe(true);
    expect((await s.call('GET', `/v1/jobs/${jobId}`)).body).toMatchObject({ status: 'completed', total: 3, processed: 3, failed: 0 });
  });

  it('a bulk invitation reset to its first workflow task starts no invitation twice and still says completed', async () => {
    const jobId = await bulkInvite(['again1', 'again2']);
    await s.client.workflow.getHandle(`job-${jobId}`).result();
    const job = (await s.call('GET', `/v1/jobs/${jobId}`)).body;
    expect(job).toMatchObject({ status: 'completed', processed: 2 });
    const units = await ledger(s, w.organizationId, w.assessmentId);
    const invitations = async () => {
      const ids: string[] = [];
      for await (const wf of s.client.workflow.list({ query: `PartnerflowKind = "response" AND PartnerflowOrganizationId = "${w.organizationId}" AND TaskQueue = "${s.taskQueue}"` })) ids.push(wf.workflowId);
      return ids.sort();
    };
    const started = await waitFor(invitations, (ids) => ids.length >= 2, { what: 'the invitation workflows to be listed' });

    const runId = await resetToFirstWorkflowTask(s.client, `job-${jobId}`);
    const handle = s.client.workflow.getHandle(`job-${jobId}`, runId);
    await handle.result();
    expect(await scheduledActivities(handle)).toContain('finishBulkInvite');
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['completed']);
    expect((await s.call('GET', `/v1/jobs/${jobId}`)).body).toMatchObject({ status: 'completed', total: 2, processed: 2, failed: 0 });
    expect(await ledger(s, w.organizationId, w.assessmentId)).toEqual(units);
    expect(await invitations()).toEqual(started);
  });
});
