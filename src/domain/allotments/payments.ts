// What a Stripe payment, refund or dispute means for a purchase. Pure: the webhook's handler
// parses the signed event, loads the purchase, and asks these rules.
import type { PaymentFlow, PaymentMethod } from './lifecycle';

/** What the purchase asked Stripe for. */
export interface AskedPayment {
  paymentMethod: PaymentMethod;
  paymentFlow: PaymentFlow;
  /** The PaymentIntent the purchase created (PaymentIntent flow), or the one its Checkout Session paid with, once known. */
  paymentIntentId: string | null;
  checkoutSessionId: string | null;
  /** Minor units. */
  amount: number;
  /** ISO-4217, any case. */
  currency: string;
}

/** A payment a signed event reports: a succeeded PaymentIntent or a paid Checkout Session. */
export interface ReportedPayment {
  via: 'payment_intent' | 'checkout_session';
  objectId: string;
  amount: number;
  currency: string;
}

/** Why a payment is not the purchase's: stored on the mismatch, stable values. */
export type MismatchReason = 'object_id' | 'amount' | 'currency';

export type PaymentVerdict =
  | { kind: 'confirmed' }
  | { kind: 'mismatch'; reasons: MismatchReason[]; expected: { objectId: string | null; amount: number; currency: string } }
  /** Not this event's to decide: a Checkout purchase's PaymentIntent before its session completed. */
  | { kind: 'ignored' };

/**
 * Seed 000: "each purchase goes through Stripe and the allotment is immediately available": only
 * the payment the purchase asked for pays it. The PaymentIntent flow is paid by its PaymentIntent
 * (`payment_intent.succeeded`), the Checkout flow by its session (`checkout.session.completed`);
 * the id, the amount and the currency must all be the purchase's.
 */
export function judgePayment(asked: AskedPayment, paid: ReportedPayment): PaymentVerdict {
  const checkout = asked.paymentMethod === 'stripe' && asked.paymentFlow === 'checkout';
  // Stripe also reports the PaymentIntent a Checkout Session creates; until the session's
  // completion has told which one it is, only the session can pay the purchase.
  if (checkout && paid.via === 'payment_intent' && asked.paymentIntentId === null) return { kind: 'ignored' };
  let objectId: string | null = null;
  if (asked.paymentMethod === 'stripe') objectId = paid.via === 'checkout_session' ? (checkout ? asked.checkoutSessionId : null) : asked.paymentIntentId;
  const reasons: MismatchReason[] = [];
  if (objectId === null || paid.objectId !== objectId) reasons.push('object_id');
  if (paid.amount !== asked.amount) reasons.push('amount');
  if (paid.currency.toLowerCase() !== asked.currency.toLowerCase()) reasons.push('currency');
  return reasons.length === 0 ? { kind: 'confirmed' } : { kind: 'mismatch', reasons, expected: { objectId, amount: asked.amount, currency: asked.currency } };
}

/** Units `money` of a purchase's `amount` stands for: proportional, rounded up, at most the quantity. */
export function unitsForMoney(quantity: number, amount: number, money: number): number {
  if (amount <= 0 || money <= 0) return 0;
  const units = (BigInt(quantity) * BigInt(money) + BigInt(amount) - 1n) / BigInt(amount);
  return Math.min(quantity, Number(units));
}

/** What a purchase's earlier refunds and disputes already asked back. */
export interface ReversedSoFar {
  /** Units asked by earlier events of this kind (refunds: Stripe reports the refunded total, so only the increase counts). */
  unitsOfKind: number;
  /** Money covered by earlier events of this kind. */
  moneyOfKind: number;
  /** Units asked by every earlier refund and dispute. */
  unitsTotal: number;
}

/**
 * A refund (`charge.refunded` carries the charge's refunded total so far) or a dispute
 * (`charge.dispute.created` carries the disputed amount) asks back the units the money bought,
 * beyond what earlier events asked, never more than the purchase bought in all. A repeated or
 * late event asks nothing.
 */
export function reversalAsks(
  purchase: { quantity: number; amount: number },
  before: ReversedSoFar,
  event: { kind: 'refund'; refundedTotal: number } | { kind: 'dispute'; disputed: number },
): { units: number; money: number } {
  const total = event.kind === 'refund' ? event.refundedTotal : event.disputed;
  const target = unitsForMoney(purchase.quantity, purchase.amount, total);
  const units = Math.max(0, Math.min(target - (event.kind === 'refund' ? before.unitsOfKind : 0), purchase.quantity - before.unitsTotal));
  const money = Math.max(0, total - (event.kind === 'refund' ? before.moneyOfKind : 0));
  return { units, money };
}

/** Stripe-hosted Checkout sends the partner back here (seed 000: "the partner can purchase allotments through the Partner Portal"). */
export function checkoutReturnUrls(publicBaseUrl: string, purchaseId: string): { successUrl: string; cancelUrl: string } {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    // Stripe replaces {CHECKOUT_SESSION_ID} with the session's id.
    successUrl: `${base}/partner-portal/purchases/${purchaseId}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}/partner-portal/purchases/${purchaseId}?checkout=cancelled`,
  };
}
