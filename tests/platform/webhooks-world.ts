import Stripe from 'stripe';
import { partnerWorld } from '../allotments/world';
import { WEBHOOK_SECRET, type TestStack } from '../support/stack';
import { waitFor } from '../support/wait';
import { startWebhookReceiver } from '../support/webhook-receiver';

// Outgoing webhooks' world: a partner (tests/allotments/world.ts), a real receiver, and a way to
// make a real event happen: a purchase paid through Stripe (its webhook, signed) records `purchase.paid`.

const signer = new Stripe('sk_test_signer');

export async function webhookWorld(s: TestStack) {
  const partner = await partnerWorld(s);
  const receiver = await startWebhookReceiver();
  return { ...partner, receiver };
}

export type WebhookWorld = Awaited<ReturnType<typeof webhookWorld>>;

/** Registers an endpoint at the receiver's `path` and has the receiver check its secret; answers the created endpoint. */
export async function register(s: TestStack, w: WebhookWorld, path: string, body: Record<string, unknown> = {}, token = s.adminToken) {
  const res = await s.call('POST', '/v1/webhook-endpoints', { token, body: { url: w.receiver.url(path), events: ['purchase.paid'], organizationId: w.organizationId, ...body } });
  if (res.status !== 201) throw new Error(`endpoint not created (${res.status}): ${JSON.stringify(res.body)}`);
  return res.body as { id: string; secret: string; url: string };
}

/** A purchase of `quantity` units paid with Stripe: the `purchase.paid` event it records. */
export async function payPurchase(s: TestStack, w: WebhookWorld, quantity = 10) {
  const bought = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity, currency: 'EUR' } });
  if (bought.status !== 201) throw new Error(`purchase failed (${bought.status}): ${JSON.stringify(bought.body)}`);
  const purchaseId = bought.body.id as string;
  const p = await waitFor(async () => (await s.call('GET', `/v1/allotments/purchases/${purchaseId}`)).body, (b) => Boolean(b.paymentIntentId), { what: 'the PaymentIntent' });
  const payload = JSON.stringify({
    id: `evt_paid_${purchaseId}`, object: 'event', type: 'payment_intent.succeeded', api_version: '2024-06-20',
    data: { object: { id: p.paymentIntentId, object: 'payment_intent', amount: p.amount.amount, currency: String(p.amount.currency).toLowerCase(), status: 'succeeded', metadata: { purchaseId } } },
  });
  const res = await s.call('POST', '/v1/stripe/webhook', { token: null, raw: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) } });
  if (res.body.result !== 'applied') throw new Error(`payment not applied: ${JSON.stringify(res.body)}`);
  const events = await waitFor(
    async () => (await s.call('GET', `/v1/events?type=purchase.paid&organizationId=${w.organizationId}`)).body.items as { id: string; data: { purchaseId: string } }[],
    (items) => items.some((e) => e.data.purchaseId === purchaseId),
    { what: `the purchase.paid event of ${purchaseId}` },
  );
  return { purchaseId, eventId: events.find((e) => e.data.purchaseId === purchaseId)!.id };
}
