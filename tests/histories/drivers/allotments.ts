import { drainLowBalanceHandoffs } from '../../../src/allotments/alerts';
import Stripe from 'stripe';
import { expect } from 'vitest';
import { getAssessment } from '../../../src/repos/allotments/assessments';
import { insertPurchase } from '../../../src/repos/allotments/purchases';
import { organizationById } from '../../../src/repos/organizations';
import { startLifecycle } from '../../../src/temporal/start';
import { lowBalanceAlertWorkflowId } from '../../../workflows/allotments/low-balance-definitions';
import { purchaseWorkflowId } from '../../../workflows/allotments/purchase-definitions';
import { deliver, paymentIntent, stripeEvent } from '../../allotments/stripe';
import { partnerWorld, type PartnerWorld } from '../../allotments/world';
import { WEBHOOK_SECRET, type TestStack } from '../../support/stack';
import { startStripeProxy } from '../../support/stripe-proxy';
import { waitFor } from '../../support/wait';
import type { Drivers } from './context';

const signer = new Stripe('sk_test_signer');
const ADMIN = { userId: 'x', tokenId: 'x', role: 'admin', organizationId: null, email: '', name: '' } as const;

/** The respondent `respond` invites. */
const RESPONDENT = 'r@example.test';

async function respond(s: TestStack, w: PartnerWorld) {
  const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: RESPONDENT, name: 'R' } } });
  expect(res.status).toBe(201);
  return res.body as { id: string; expiresAt: string };
}

/** Moves the response's expiry a week later. */
async function extendAWeek(s: TestStack, w: PartnerWorld, r: { id: string; expiresAt: string }) {
  const later = new Date(Date.parse(r.expiresAt) + 7 * 86_400_000).toISOString();
  expect((await s.call('POST', `/v1/responses/${r.id}/extend`, { token: w.manager.token, body: { expiresAt: later } })).status).toBe(200);
}

/** Completes the response through the API; its workflow ends completed. */
async function complete(s: TestStack, w: PartnerWorld, responseId: string) {
  expect((await s.call('POST', `/v1/responses/${responseId}/complete`, { token: w.manager.token, body: {} })).status).toBe(200);
  expect(await s.client.workflow.getHandle(`response-${responseId}`).result()).toBe('completed');
}

/** Turns the assessment's invitation e-mails on (an invitation URL template). */
async function mailInvitations(s: TestStack, w: PartnerWorld) {
  expect((await s.call('PATCH', `/v1/assessments/${w.assessmentId}`, { body: { invitationUrlTemplate: 'https://assess.example/start/{token}' } })).status).toBe(200);
}

const mailsTo = (s: TestStack, email: string) => s.smtp.to(email).length;

/** Waits until the respondent has received `n` messages. */
const respondentMailed = (s: TestStack, n: number, what: string) => waitFor(async () => mailsTo(s, RESPONDENT), (k) => k === n, { what, timeoutMs: 40_000 });

/** Past the 14-day expiry: the invitation expired, and `email` was never mailed. */
async function expiresUnmailed(s: TestStack, responseId: string, email: string) {
  await s.env!.sleep('15 days');
  expect(await s.client.workflow.getHandle(`response-${responseId}`).result()).toBe('expired');
  expect(mailsTo(s, email)).toBe(0);
}

async function buy(s: TestStack, w: PartnerWorld) {
  const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 10, currency: 'EUR' } });
  expect(res.status).toBe(201);
  return res.body as { id: string; paymentIntentId: string };
}

/** Stripe's signed event saying the purchase was paid, as the webhook receives it. */
async function paid(s: TestStack, purchaseId: string, type: 'payment_intent.succeeded' | 'checkout.session.completed', paymentIntentId?: string) {
  const object = type === 'payment_intent.succeeded'
    ? { id: paymentIntentId, object: 'payment_intent', metadata: { purchaseId } }
    : { id: `cs_${purchaseId.slice(0, 8)}`, object: 'checkout.session', payment_status: 'paid', metadata: { purchaseId } };
  const payload = JSON.stringify({ id: `evt_${type}_${purchaseId}`, object: 'event', type, api_version: '2024-06-20', data: { object } });
  const res = await s.call('POST', '/v1/stripe/webhook', { token: null, raw: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) } });
  expect(res.body.result).toBe('applied');
}

const pendingAttempt = async (s: TestStack, workflowId: string, activity: string) =>
  ((await s.client.workflow.getHandle(workflowId).describe()).raw.pendingActivities ?? []).find((a) => a.activityType?.name === activity)?.attempt ?? 0;

export const responses: Drivers<'responseWorkflow'> = {
  async 'extend-complete'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 2 });
    const r = await respond(s, w);
    await extendAWeek(s, w, r);
    await complete(s, w, r.id);
    return { stack: s, workflowId: `response-${r.id}` };
  },

  async expiry(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 2 });
    const r = await respond(s, w);
    await s.env!.sleep('15 days');
    expect(await s.client.workflow.getHandle(`response-${r.id}`).result()).toBe('expired');
    return { stack: s, workflowId: `response-${r.id}` };
  },

  // `temporal workflow cancel` is refused; the API's completion (with its requester) ends it.
  async 'temporal-cancel-refused'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 2 });
    const r = await respond(s, w);
    const handle = s.client.workflow.getHandle(`response-${r.id}`);
    await handle.cancel();
    for (let i = 0; ; i++) {
      const events = (await handle.fetchHistory()).events ?? [];
      const requested = events.findIndex((e) => e.workflowExecutionCancelRequestedEventAttributes);
      if (requested >= 0 && events.slice(requested).some((e) => e.workflowTaskCompletedEventAttributes)) break;
      expect(i).toBeLessThan(300);
      await new Promise((done) => setTimeout(done, 100));
    }
    await complete(s, w, r.id);
    return { stack: s, workflowId: `response-${r.id}` };
  },

  // The invitation e-mail, its reminder on day 12, an extension and the fresh reminder, then completion.
  async 'invitation-reminders'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 2 });
    await mailInvitations(s, w);
    const r = await respond(s, w);
    await respondentMailed(s, 1, 'the invitation');
    await s.env!.sleep('12 days');
    await s.env!.sleep('1 hour');
    await respondentMailed(s, 2, 'the reminder');
    await extendAWeek(s, w, r);
    await s.env!.sleep('7 days');
    await respondentMailed(s, 3, 'the reminder after the extension');
    await complete(s, w, r.id);
    return { stack: s, workflowId: `response-${r.id}` };
  },

  // notify:false: the invitation step sends nothing and no reminder is scheduled.
  async 'invitation-not-notified'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 2 });
    await mailInvitations(s, w);
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: 'quiet@example.test', name: 'Q' }, notify: false },
    });
    expect(res.status).toBe(201);
    await expiresUnmailed(s, res.body.id, 'quiet@example.test');
    return { stack: s, workflowId: `response-${res.body.id}` };
  },

  // Since 'handoff-knows-mail': the first step says the invitation is e-mailed; it is, then completed.
  async 'opened-mailed'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 2 });
    await mailInvitations(s, w);
    const r = await respond(s, w);
    await respondentMailed(s, 1, 'the invitation');
    await complete(s, w, r.id);
    return { stack: s, workflowId: `response-${r.id}` };
  },

  // Since 'handoff-knows-mail': an assessment without an invitation URL template mails nothing,
  // so the invitation goes straight to its wait (no e-mail activity at all), then expires.
  async 'opened-not-mailed'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 2 });
    const r = await respond(s, w);
    await expiresUnmailed(s, r.id, RESPONDENT);
    return { stack: s, workflowId: `response-${r.id}` };
  },
};

export const purchases: Drivers<'purchaseWorkflow'> = {
  async paid(ctx) {
    const s = await ctx.stack();
    const p = await buy(s, await partnerWorld(s));
    await s.env!.sleep('3 hours');
    await paid(s, p.id, 'payment_intent.succeeded', p.paymentIntentId);
    expect(await s.client.workflow.getHandle(`purchase-${p.id}`).result()).toBe('paid');
    return { stack: s, workflowId: `purchase-${p.id}` };
  },

  // Paid, then the buyer's receipt is e-mailed (patched 'purchase-receipt').
  async 'paid-receipt'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s);
    const p = (await buy(s, w)) as { id: string; paymentIntentId: string; amount: { amount: number } };
    const intent = paymentIntent({ id: p.paymentIntentId, amount: p.amount.amount, purchaseId: p.id });
    expect((await deliver(s, stripeEvent('payment_intent.succeeded', intent))).body.result).toBe('applied');
    expect(await s.client.workflow.getHandle(`purchase-${p.id}`).result()).toBe('paid');
    expect(s.smtp.to(w.manager.email)).toHaveLength(1);
    return { stack: s, workflowId: `purchase-${p.id}` };
  },

  async expired(ctx) {
    const s = await ctx.stack();
    const p = await buy(s, await partnerWorld(s));
    await s.env!.sleep('25 hours');
    expect(await s.client.workflow.getHandle(`purchase-${p.id}`).result()).toBe('expired');
    return { stack: s, workflowId: `purchase-${p.id}` };
  },

  // Started inside a transaction that stays open until the workflow has looked for its row in vain.
  async 'awaits-commit'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s);
    const org = (await organizationById(s.sql, w.organizationId))!;
    const assessment = await getAssessment(s.sql, ADMIN, w.assessmentId);
    const id = await s.sql.begin(async (tx) => {
      const p = await insertPurchase(tx, {
        organizationId: org.id, assessmentId: assessment.id, quantity: 5, currency: 'EUR', unitAmount: 1000, amount: 5000, priceListId: w.priceListId,
        paymentMethod: 'stripe', status: 'pending_payment', expiresAt: new Date(Date.now() + 86_400_000), createdBy: null,
      });
      await startLifecycle(s.client, 'purchaseWorkflow', { workflowId: purchaseWorkflowId(p.id), taskQueue: s.taskQueue, args: [{ purchaseId: p.id, paymentTimeout: '24 hours' }], kind: 'purchase', organizationId: org.id, status: 'pending_payment' });
      await waitFor(() => pendingAttempt(s, purchaseWorkflowId(p.id), 'awaitRecord'), (n) => n >= 2, { what: 'the purchase to retry its commit check' });
      return p.id;
    });
    const p = await waitFor(async () => (await s.call('GET', `/v1/allotments/purchases/${id}`)).body, (b) => b.paymentIntentId !== null, { what: 'the PaymentIntent' });
    await paid(s, id, 'payment_intent.succeeded', p.paymentIntentId);
    expect(await s.client.workflow.getHandle(purchaseWorkflowId(id)).result()).toBe('paid');
    return { stack: s, workflowId: purchaseWorkflowId(id) };
  },

  // Stripe unreachable when the window closes; a Checkout payment arrives while the cancellation retries.
  async 'paid-while-expiring'(ctx) {
    const stripe = await startStripeProxy();
    try {
      const s = await ctx.stack({ stripeUrl: stripe.url });
      const p = await buy(s, await partnerWorld(s));
      await stripe.down();
      const passing = s.env!.sleep('25 hours');
      await waitFor(() => pendingAttempt(s, purchaseWorkflowId(p.id), 'cancelPayment'), (n) => n >= 2, { what: 'the cancellation to be retried' });
      await paid(s, p.id, 'checkout.session.completed');
      await stripe.up();
      await passing;
      expect(await s.client.workflow.getHandle(purchaseWorkflowId(p.id)).result()).toBe('paid');
      return { stack: s, workflowId: purchaseWorkflowId(p.id) };
    } finally {
      await stripe.close();
    }
  },

  // `temporal workflow cancel` while awaiting payment: expired as at its window's end, then Canceled.
  async 'temporal-cancel'(ctx) {
    const s = await ctx.stack();
    const p = await buy(s, await partnerWorld(s));
    const handle = s.client.workflow.getHandle(purchaseWorkflowId(p.id));
    await handle.cancel();
    expect(await handle.result().catch((e: unknown) => (e as Error).name)).toBe('WorkflowFailedError');
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`)).body.status).toBe('expired');
    return { stack: s, workflowId: purchaseWorkflowId(p.id) };
  },

  async abandoned(ctx) {
    const s = await ctx.stack();
    const id = '00000000-0000-4000-8000-000000000001';
    const handle = await s.client.workflow.start('purchaseWorkflow', { taskQueue: s.taskQueue, workflowId: purchaseWorkflowId(id), args: [{ purchaseId: id, paymentTimeout: '24 hours' }] });
    expect(await handle.result()).toBe('abandoned');
    return { stack: s, workflowId: purchaseWorkflowId(id) };
  },
};

export const bulkInvites: Drivers<'bulkInviteWorkflow'> = {
  async invite(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 5 });
    const csv = 'email,name\n' + [1, 2, 3].map((i) => `b${i}@example.test,B ${i}`).join('\n') + '\n';
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(202);
    await s.client.workflow.getHandle(`job-${res.body.id}`).result();
    expect((await s.call('GET', `/v1/jobs/${res.body.id}`)).body).toMatchObject({ status: 'completed', processed: 3 });
    return { stack: s, workflowId: `job-${res.body.id}` };
  },

  // `temporal workflow cancel` (received with its first workflow task) is refused: the job completes.
  async 'temporal-cancel-refused'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 5 });
    await s.stopWorker();
    const csv = 'email,name\n' + [1, 2].map((i) => `c${i}@example.test,C ${i}`).join('\n') + '\n';
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(202);
    await s.client.workflow.getHandle(`job-${res.body.id}`).cancel();
    await s.startWorker();
    await s.client.workflow.getHandle(`job-${res.body.id}`).result();
    expect((await s.call('GET', `/v1/jobs/${res.body.id}`)).body).toMatchObject({ status: 'completed', processed: 2 });
    return { stack: s, workflowId: `job-${res.body.id}` };
  },

  async abandoned(ctx) {
    const s = await ctx.stack();
    const handle = await s.client.workflow.start('bulkInviteWorkflow', { taskQueue: s.taskQueue, workflowId: 'job-ghost', args: [{ jobId: '00000000-0000-4000-8000-000000000002' }] });
    await handle.result();
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['abandoned']);
    return { stack: s, workflowId: 'job-ghost' };
  },
};

export const lowBalanceAlerts: Drivers<'lowBalanceAlertWorkflow'> = {
  // Two units left of three after a response, with the threshold at 2: one crossing, one manager mailed.
  async sent(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 3 });
    const res = await s.call('PATCH', `/v1/allotments/${w.organizationId}/${w.assessmentId}`, { token: w.manager.token, body: { lowBalanceThreshold: 2 } });
    expect(res.status).toBe(200);
    await respond(s, w);
    const workflowId = lowBalanceAlertWorkflowId(w.organizationId, w.assessmentId, 1);
    const result = await waitFor(async () => s.client.workflow.getHandle(workflowId).result().catch(() => undefined), (r) => r !== undefined, { what: 'the low-balance alert' });
    expect(result).toEqual({ sent: 1, failed: 0 });
    return { stack: s, workflowId };
  },
  // The alert's workflow is started with no worker polling, cancelled from Temporal, then runs: refused, the manager is mailed.
  async 'temporal-cancel-refused'(ctx) {
    const s = await ctx.stack();
    const w = await partnerWorld(s, { grant: 3 });
    const res = await s.call('PATCH', `/v1/allotments/${w.organizationId}/${w.assessmentId}`, { token: w.manager.token, body: { lowBalanceThreshold: 2 } });
    expect(res.status).toBe(200);
    const workflowId = lowBalanceAlertWorkflowId(w.organizationId, w.assessmentId, 1);
    await s.stopWorker();
    try {
      await respond(s, w);
      expect(await drainLowBalanceHandoffs(s.deps)).toBeGreaterThanOrEqual(1);
      await s.client.workflow.getHandle(workflowId).cancel();
    } finally {
      await s.startWorker();
    }
    expect(await s.client.workflow.getHandle(workflowId).result()).toEqual({ sent: 1, failed: 0 });
    return { stack: s, workflowId };
  },
};
