import type { Db } from '../db/connect';
import { isReversible, UNSETTLED_PURCHASES } from '../domain/allotments/lifecycle';
import { judgePayment, reversalAsks, type MismatchReason, type PaymentVerdict } from '../domain/allotments/payments';
import { AppError } from '../errors';
import { recordAudit } from '../repos/audit';
import { takeBackUnits } from '../repos/allotments/ledger';
import { announceMovement } from './alerts';
import {
  disputeRecorded,
  insertPaymentMismatch,
  insertReversal,
  lockPurchaseByPaymentIntent,
  markPaymentMismatch,
  purchaseById,
  recordCheckoutPaymentIntent,
  reversalTotals,
  type Purchase,
} from '../repos/allotments/purchases';
import type { PaymentEvent, ReversalEvent } from './stripe-objects';

// What a verified Stripe event does to a purchase, inside the transaction that records the event
// id (src/platform/stripe-webhook.ts): so each event is applied once, and a failure leaves it
// unrecorded for Stripe's redelivery.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const actor = (eventId: string) => `stripe:${eventId}`;

export type PaymentOutcome =
  | { kind: 'ignored' }
  | { kind: 'confirmed'; purchase: Purchase }
  | { kind: 'mismatch'; purchase: Purchase; reasons: MismatchReason[] };

/**
 * Judges a payment event against the purchase its metadata names (locked): confirmed when it is
 * the payment the purchase asked for (the workflow then allocates); otherwise the mismatch is kept
 * on the purchase and in the audit trail, the purchase shows `payment_mismatch` while it waits for
 * its own payment, and nothing is allocated.
 */
export async function judgePaymentEvent(tx: Db, e: PaymentEvent): Promise<PaymentOutcome> {
  if (!e.purchaseId || !UUID.test(e.purchaseId)) return { kind: 'ignored' };
  const purchase = await purchaseById(tx, e.purchaseId, { forUpdate: true });
  if (!purchase) return { kind: 'ignored' };
  const verdict: PaymentVerdict = judgePayment(
    {
      paymentMethod: purchase.paymentMethod, paymentFlow: purchase.paymentFlow, paymentIntentId: purchase.stripePaymentIntentId,
      checkoutSessionId: purchase.stripeCheckoutSessionId, amount: purchase.amount, currency: purchase.currency,
    },
    e.payment,
  );
  if (verdict.kind === 'ignored') return verdict;
  if (verdict.kind === 'confirmed') {
    if (e.payment.via === 'checkout_session' && e.paymentIntentId) await recordCheckoutPaymentIntent(tx, purchase.id, e.paymentIntentId);
    return { kind: 'confirmed', purchase };
  }
  const fresh = await insertPaymentMismatch(tx, purchase.id, {
    eventId: e.eventId, eventType: e.eventType, objectId: e.payment.objectId, amount: e.payment.amount, currency: e.payment.currency, reasons: verdict.reasons,
  });
  if (fresh) {
    const moved = await markPaymentMismatch(tx, purchase.id);
    await recordAudit(tx, {
      actor: actor(e.eventId), entity: 'purchase', entityId: purchase.id, action: 'payment_mismatch', organizationId: purchase.organizationId,
      before: { status: purchase.status },
      after: {
        status: moved ? 'payment_mismatch' : purchase.status, eventType: e.eventType, reasons: verdict.reasons,
        received: { objectId: e.payment.objectId, amount: e.payment.amount, currency: e.payment.currency },
        expected: verdict.expected,
      },
    });
  }
  return { kind: 'mismatch', purchase, reasons: verdict.reasons };
}

/**
 * A refund or dispute of a purchase's payment takes back the units the money bought, as far as
 * they are still available; what respondents used or open invitations hold is never taken, and is
 * recorded as the shortfall. Events of payments that are not purchases' are ignored; a payment
 * not credited yet (its allocation is on its way) answers 409 so Stripe delivers the event again.
 */
export async function applyReversal(tx: Db, e: ReversalEvent): Promise<'applied' | 'ignored'> {
  if (!e.paymentIntentId) return 'ignored';
  const purchase = await lockPurchaseByPaymentIntent(tx, e.paymentIntentId);
  if (!purchase || purchase.currency.toLowerCase() !== e.currency.toLowerCase()) return 'ignored';
  if (UNSETTLED_PURCHASES.includes(purchase.status)) {
    throw new AppError('CONFLICT', 'The payment this event reverses is not credited yet; deliver the event again later');
  }
  if (!isReversible(purchase.status)) return 'ignored';
  // A dispute takes its units back once, whatever events repeat it.
  if (e.kind === 'dispute' && (await disputeRecorded(tx, e.objectId))) return 'ignored';
  const before = await reversalTotals(tx, purchase.id, e.kind);
  const asked = reversalAsks(purchase, before, e.kind === 'refund' ? { kind: 'refund', refundedTotal: e.refundedTotal } : { kind: 'dispute', disputed: e.disputed });
  if (asked.units === 0) return 'ignored';
  const { taken, moved } = await takeBackUnits(tx, {
    organizationId: purchase.organizationId, assessmentId: purchase.assessmentId, units: asked.units, kind: e.kind, purchaseId: purchase.id, actor: actor(e.eventId),
  });
  await announceMovement(tx, moved);
  const reversal = { eventId: e.eventId, kind: e.kind, stripeObjectId: e.objectId, amount: asked.money, units: asked.units, taken, shortfall: asked.units - taken };
  // The event id is recorded once by the platform, and the dispute was checked above under the purchase's lock.
  await insertReversal(tx, purchase.id, reversal);
  await recordAudit(tx, {
    actor: actor(e.eventId), entity: 'purchase', entityId: purchase.id, action: e.kind, organizationId: purchase.organizationId,
    before: { refundedUnits: purchase.refundedUnits, shortfall: purchase.refundShortfall },
    after: { stripeObjectId: e.objectId, amount: asked.money, units: asked.units, taken, shortfall: reversal.shortfall, refundedUnits: purchase.refundedUnits + taken, totalShortfall: purchase.refundShortfall + reversal.shortfall },
  });
  return 'applied';
}
