import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { startStripeProxy, type StripeProxy } from '../support/stripe-proxy';
import { waitFor } from '../support/wait';
import { allocatedUnits, partnerWorld, type PartnerWorld } from './world';

const HOUR = 3_600_000;

// Stripe unreachable when a purchase is placed: the stack's Stripe client goes through a proxy
// in front of stripe-mock whose port is closed. The time-skipping test server passes the hours.
describe('a purchase placed while Stripe is unreachable (time skipping)', () => {
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

  it('is pending without a payment until Stripe is back, gets its PaymentIntent then, and still expires 24 hours after it was placed', { timeout: 240_000 }, async () => {
    await stripe.down();
    const placed = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 12, currency: 'EUR' } });
    // The API waited (20 s) for the PaymentIntent and answers without it: the client reads it later.
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'pending_payment', paymentIntentId: null, clientSecret: null });
    const p = placed.body;
    const expiresAt = Date.parse(p.expiresAt);
    expect(Math.abs(expiresAt - Date.parse(p.createdAt) - 24 * HOUR)).toBeLessThan(5_000);
    const read = async () => (await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body;

    // An hour of outage: the PaymentIntent's creation is retried, nothing reached Stripe.
    const callsWhenDown = stripe.calls.length;
    await s.env!.sleep('1 hour');
    expect(await read()).toMatchObject({ status: 'pending_payment', paymentIntentId: null });
    const d = await s.client.workflow.getHandle(`purchase-${p.id}`).describe();
    expect((d.raw.pendingActivities ?? []).find((a) => a.activityType?.name === 'createPayment')?.attempt ?? 0).toBeGreaterThan(5);
    expect(stripe.calls).toHaveLength(callsWhenDown);

    // Stripe back: the next attempt (at most 5 minutes later) creates the PaymentIntent, once.
    await stripe.up();
    await s.env!.sleep('6 minutes');
    const ready = await waitFor(read, (b) => b.paymentIntentId !== null, { what: 'the PaymentIntent to be created' });
    expect(ready).toMatchObject({ status: 'pending_payment', paymentIntentId: expect.stringMatching(/^pi_/), clientSecret: expect.any(String) });
    expect(stripe.calls.filter((c) => c.method === 'POST' && c.path === '/v1/payment_intents' && c.idempotencyKey === `purchase-${p.id}-payment-intent`)).toHaveLength(1);

    // Unpaid, it expires when the purchase said it would: 24 hours after it was placed.
    await s.env!.sleep(expiresAt - HOUR - (await s.env!.currentTimeMs()));
    expect((await read()).status).toBe('pending_payment');
    await s.env!.sleep(2 * HOUR);
    expect((await waitFor(read, (b) => b.status !== 'pending_payment', { what: 'the purchase to expire an hour after its expiresAt', timeoutMs: 10_000 })).status).toBe('expired');
    expect(await s.client.workflow.getHandle(`purchase-${p.id}`).result()).toBe('expired');
    expect(await allocatedUnits(s, w.organizationId, w.assessmentId)).toBe(0);
  });
});
