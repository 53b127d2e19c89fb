import type Stripe from 'stripe';
import { z } from 'zod';
import type { ReportedPayment } from '../domain/allotments/payments';
import { parseStripeEvent } from '../platform/stripe-webhook';

// The Stripe objects the allotment webhook reads, as Stripe documents them (API reference:
// PaymentIntent, Checkout Session, Charge, Dispute). Only the fields used are checked; Stripe's
// others pass untouched. A signed event of one of these types whose object does not parse answers
// 400 VALIDATION_FAILED naming the field (and is not recorded, so a corrected delivery applies).

const id = z.string().min(1).max(255);
const minor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const currency = z.string().regex(/^[a-zA-Z]{3}$/, 'an ISO-4217 code');
const metadata = z.record(z.string(), z.string()).nullish();
/** An expandable reference: the id, or the expanded object with its id. */
const ref = z.union([id, z.object({ id })]).transform((r) => (typeof r === 'string' ? r : r.id));

const PaymentIntent = z.object({
  id,
  object: z.literal('payment_intent'),
  amount: minor,
  amount_received: minor.optional(),
  currency,
  metadata,
});

const CheckoutSession = z.object({
  id,
  object: z.literal('checkout.session'),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  amount_total: minor.nullable(),
  currency: currency.nullable(),
  payment_intent: ref.nullish(),
  metadata,
});

const Charge = z.object({
  id,
  object: z.literal('charge'),
  amount: minor,
  amount_refunded: minor,
  currency,
  payment_intent: ref.nullish(),
});

const Dispute = z.object({
  id,
  object: z.literal('dispute'),
  amount: minor,
  currency,
  charge: ref,
  payment_intent: ref.nullish(),
});

const eventWith = <T extends z.ZodType>(object: T) => z.object({ id, type: z.string(), data: z.object({ object }) });

/** A payment the event reports, with the purchase its metadata names; undefined when it is not a payment (an unpaid session). */
export interface PaymentEvent {
  eventId: string;
  eventType: string;
  purchaseId: string | undefined;
  payment: ReportedPayment;
  /** A completed Checkout Session's PaymentIntent (its refunds and disputes name it). */
  paymentIntentId: string | null;
}

export function parsePaymentEvent(event: Stripe.Event): PaymentEvent | undefined {
  if (event.type === 'payment_intent.succeeded') {
    const { data: { object: pi } } = parseStripeEvent(eventWith(PaymentIntent), event);
    return {
      eventId: event.id, eventType: event.type, purchaseId: pi.metadata?.purchaseId || undefined, paymentIntentId: pi.id,
      payment: { via: 'payment_intent', objectId: pi.id, amount: pi.amount_received ?? pi.amount, currency: pi.currency },
    };
  }
  const { data: { object: session } } = parseStripeEvent(eventWith(CheckoutSession), event);
  if (session.payment_status !== 'paid') return undefined;
  return {
    eventId: event.id, eventType: event.type, purchaseId: session.metadata?.purchaseId || undefined, paymentIntentId: session.payment_intent ?? null,
    payment: { via: 'checkout_session', objectId: session.id, amount: session.amount_total ?? 0, currency: session.currency ?? '' },
  };
}

/** A refund or dispute of a charge: its PaymentIntent finds the purchase. */
export type ReversalEvent =
  | { kind: 'refund'; eventId: string; objectId: string; paymentIntentId: string | null; currency: string; refundedTotal: number }
  | { kind: 'dispute'; eventId: string; objectId: string; paymentIntentId: string | null; currency: string; disputed: number };

export function parseReversalEvent(event: Stripe.Event): ReversalEvent {
  if (event.type === 'charge.refunded') {
    const { data: { object: charge } } = parseStripeEvent(eventWith(Charge), event);
    return { kind: 'refund', eventId: event.id, objectId: charge.id, paymentIntentId: charge.payment_intent ?? null, currency: charge.currency, refundedTotal: charge.amount_refunded };
  }
  const { data: { object: dispute } } = parseStripeEvent(eventWith(Dispute), event);
  return { kind: 'dispute', eventId: event.id, objectId: dispute.id, paymentIntentId: dispute.payment_intent ?? null, currency: dispute.currency, disputed: dispute.amount };
}
