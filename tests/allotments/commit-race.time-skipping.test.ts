import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledActivities } from '../support/history';
import { startTestStack, type TestStack } from '../support/stack';
import { startStripeProxy, type StripeProxy } from '../support/stripe-proxy';
import { partnerWorld } from './world';

describe('a workflow whose transaction never committed (time skipping)', () => {
  // Every Stripe request of this stack goes through a counting proxy in front of stripe-mock.
  let stripe: StripeProxy;
  let s: TestStack;
  beforeAll(async () => {
    stripe = await startStripeProxy();
    s = await startTestStack({ timeSkipping: true, stripeUrl: stripe.url });
  });
  afterAll(async () => {
    await s?.close();
    await stripe?.close();
  });

  it('ends without touching Stripe or the ledger', async () => {
    // The proxy sees this stack's Stripe calls: a real purchase creates its PaymentIntent through it.
    const w = await partnerWorld(s, { grant: 5 });
    const real = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 3, currency: 'EUR' } });
    expect(real.status).toBe(201);
    expect(stripe.calls.filter((c) => c.method === 'POST' && c.path === '/v1/payment_intents')).toHaveLength(1);
    // Its workflow would expire it (more Stripe calls) while time skips for the ghosts below.
    await s.client.workflow.getHandle(`purchase-${real.body.id}`).terminate('control purchase done');
    const callsBefore = stripe.calls.length;
    const ledgerBefore = await s.sql`select * from allotments order by organization_id, assessment_id`;
    expect(ledgerBefore.length).toBeGreaterThan(0);

    const ghostPurchase = '00000000-0000-4000-8000-000000000001';
    const purchase = s.client.workflow.getHandle(`purchase-${ghostPurchase}`);
    await s.client.workflow.start('purchaseWorkflow', { taskQueue: s.taskQueue, workflowId: `purchase-${ghostPurchase}`, args: [{ purchaseId: ghostPurchase, paymentTimeout: '24 hours' }] });
    expect(await purchase.result()).toBe('abandoned');
    const job = s.client.workflow.getHandle('job-ghost');
    await s.client.workflow.start('bulkInviteWorkflow', { taskQueue: s.taskQueue, workflowId: 'job-ghost', args: [{ jobId: '00000000-0000-4000-8000-000000000002' }] });
    await job.result();

    // Each looked for its row until the commit check gave up, and did nothing else.
    for (const handle of [purchase, job]) {
      const activities = await scheduledActivities(handle);
      expect(activities).toEqual(['awaitRecord']);
      expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['abandoned']);
    }
    expect(stripe.calls).toHaveLength(callsBefore);
    expect(await s.sql`select * from allotments order by organization_id, assessment_id`).toEqual(ledgerBefore);
    expect(await s.sql`select 1 from allocations where purchase_id = ${ghostPurchase}`).toHaveLength(0);
  });
});
