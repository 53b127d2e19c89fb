import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseStateQuery } from '../../workflows/allotments/purchase-definitions';
import { startTestStack, type TestStack } from '../support/stack';
import { startStripeProxy, type StripeProxy } from '../support/stripe-proxy';
import { waitFor } from '../support/wait';
import { deliver, paymentIntent, stripeEvent } from './stripe';
import { ledger, partnerWorld, type PartnerWorld } from './world';

// A payment confirmed by Stripe at the very moment the purchase expires. To hold that moment
// open, Stripe is unreachable when the 24-hour window closes: the workflow keeps retrying the
// cancellation of the PaymentIntent while the payment's webhook arrives.
describe('a payment that succeeds just as its purchase expires (time skipping)', () => {
  let stripe: StripeProxy;
  let s: TestStack;
  let w: PartnerWorld;
  beforeAll(async () => {
    stripe = await startStripeProxy();
    s = await startTestStack({ timeSkipping: true, stripeUrl: stripe.url });
    w = await partnerWorld(s);
  });
  afterAll(async () => {
    await s?.close();
    await stripe?.close();
  });

  it('counts as paid: the units are allocated once and the purchase is not expired', { timeout: 120_000 }, async () => {
    const bought = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 40, currency: 'EUR' } });
    expect(bought.status).toBe(201);
    const p = bought.body;
    expect(p).toMatchObject({ status: 'pending_payment', paymentIntentId: expect.stringMatching(/^pi_/) });
    const handle = s.client.workflow.getHandle(`purchase-${p.id}`);

    await stripe.down();
    const passing = s.env!.sleep('25 hours');
    // The window closed: the workflow is expiring the purchase, its cancellation failing against Stripe.
    await waitFor(() => handle.describe(), (d) => (d.raw.pendingActivities ?? []).some((a) => a.activityType?.name === 'cancelPayment' && (a.attempt ?? 0) >= 2), {
      what: 'the purchase to be retrying the cancellation of its PaymentIntent',
    });
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body.status).toBe('pending_payment');

    // Meanwhile the customer's payment went through: Stripe's signed event for this purchase's
    // own PaymentIntent, for its full amount, arrives.
    const event = await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: p.amount.amount, purchaseId: p.id })));
    expect(event.status).toBe(200);
    expect(event.body.result).toBe('applied');
    expect(await handle.query(purchaseStateQuery)).toEqual({ status: 'pending_payment', paid: true, mismatches: [] });

    await stripe.up();
    await passing;
    expect(await handle.result()).toBe('paid');
    const after = (await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body;
    expect(after.status).toBe('paid');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ allocated: 40, available: 40 });
    const [alloc] = await s.sql`select count(*)::int as n, sum(units)::int as units from allocations where purchase_id = ${p.id}`;
    expect(alloc).toEqual({ n: 1, units: 40 });
  });
});
