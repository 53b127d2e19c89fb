// Signed Stripe events for the allotment tests. stripe-mock holds no state, so the payloads are
// built here from Stripe's documented shapes (API reference: Event, PaymentIntent, Checkout
// Session, Charge, Dispute) and signed with Stripe's own helper.
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { WEBHOOK_SECRET, type TestStack } from '../support/stack';

const signer = new Stripe('sk_test_signer');
const suffix = () => randomBytes(8).toString('hex');
const now = () => Math.floor(Date.now() / 1000);

/** Headers of a delivery signed with `secret`, timestamped `timestamp` (seconds; default now). */
export const signed = (payload: string, o: { secret?: string; timestamp?: number } = {}) => ({
  'content-type': 'application/json',
  'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: o.secret ?? WEBHOOK_SECRET, ...(o.timestamp !== undefined && { timestamp: o.timestamp }) }),
});

/** An Event as Stripe sends it. */
export const stripeEvent = (type: string, object: Record<string, unknown>, id = `evt_${suffix()}`) =>
  JSON.stringify({
    id, object: 'event', api_version: '2024-06-20', created: now(), livemode: false, pending_webhooks: 1,
    request: { id: null, idempotency_key: null }, type, data: { object },
  });

export const paymentIntent = (o: { id: string; amount: number; currency?: string; purchaseId?: string; amountReceived?: number }) => ({
  id: o.id, object: 'payment_intent', amount: o.amount, amount_capturable: 0, amount_received: o.amountReceived ?? o.amount,
  capture_method: 'automatic', client_secret: `${o.id}_secret_${suffix()}`, created: now(), currency: o.currency ?? 'eur',
  livemode: false, metadata: o.purchaseId ? { purchaseId: o.purchaseId } : {}, payment_method_types: ['card'], status: 'succeeded',
});

export const checkoutSession = (o: { id: string; amountTotal: number; currency?: string; purchaseId?: string; paymentIntentId?: string | null; paymentStatus?: 'paid' | 'unpaid' }) => ({
  id: o.id, object: 'checkout.session', amount_subtotal: o.amountTotal, amount_total: o.amountTotal, created: now(), currency: o.currency ?? 'eur',
  livemode: false, metadata: o.purchaseId ? { purchaseId: o.purchaseId } : {}, mode: 'payment', payment_intent: o.paymentIntentId ?? null,
  payment_status: o.paymentStatus ?? 'paid', status: 'complete', url: null,
});

export const charge = (o: { id?: string; paymentIntentId: string; amount: number; amountRefunded: number; currency?: string }) => ({
  id: o.id ?? `ch_${suffix()}`, object: 'charge', amount: o.amount, amount_captured: o.amount, amount_refunded: o.amountRefunded, captured: true,
  created: now(), currency: o.currency ?? 'eur', livemode: false, metadata: {}, paid: true, payment_intent: o.paymentIntentId,
  refunded: o.amountRefunded >= o.amount, status: 'succeeded',
});

export const dispute = (o: { id?: string; chargeId?: string; paymentIntentId: string; amount: number; currency?: string }) => ({
  id: o.id ?? `dp_${suffix()}`, object: 'dispute', amount: o.amount, charge: o.chargeId ?? `ch_${suffix()}`, created: now(), currency: o.currency ?? 'eur',
  is_charge_refundable: false, livemode: false, metadata: {}, payment_intent: o.paymentIntentId, reason: 'fraudulent', status: 'needs_response',
});

/** Delivers a payload to the webhook, signed unless `headers` say otherwise. */
export const deliver = (s: TestStack, payload: string, headers: Record<string, string> = signed(payload)) =>
  s.call('POST', '/v1/stripe/webhook', { token: null, raw: payload, headers });
