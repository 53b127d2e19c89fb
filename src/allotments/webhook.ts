import { WorkflowNotFoundError } from '@temporalio/client';
import type Stripe from 'stripe';
import type { Services } from '../platform/services';
import type { StripeEventHandler } from '../platform/stripe-webhook';
import { paymentConfirmedSignal, paymentMismatchSignal, purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';
import { applyReversal, judgePaymentEvent } from './payments';
import { parsePaymentEvent, parseReversalEvent } from './stripe-objects';

const PAYMENT_EVENTS = ['checkout.session.completed', 'payment_intent.succeeded'] as const;
const REVERSAL_EVENTS = ['charge.refunded', 'charge.dispute.created'] as const;

/** Signals a purchase's workflow; a closed one (already paid or expired) has nothing left to hear. */
async function tellPurchase(s: Pick<Services, 'temporal'>, purchaseId: string, send: (h: ReturnType<Services['temporal']['workflow']['getHandle']>) => Promise<void>) {
  try {
    await send(s.temporal.workflow.getHandle(purchaseWorkflowId(purchaseId)));
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}

async function applyPayment(tx: Parameters<StripeEventHandler['apply']>[0], s: Pick<Services, 'temporal'>, event: Stripe.Event): Promise<'applied' | 'ignored'> {
  const payment = parsePaymentEvent(event);
  if (!payment) return 'ignored';
  const outcome = await judgePaymentEvent(tx, payment);
  if (outcome.kind === 'ignored') return 'ignored';
  const { id } = outcome.purchase;
  if (outcome.kind === 'confirmed') {
    await tellPurchase(s, id, (h) => h.signal(paymentConfirmedSignal, { eventId: event.id, eventType: event.type }));
  } else {
    await tellPurchase(s, id, (h) => h.signal(paymentMismatchSignal, { eventId: event.id, eventType: event.type, reasons: outcome.reasons }));
  }
  return 'applied';
}

/**
 * The allotments' Stripe events. A payment (`payment_intent.succeeded`, or
 * `checkout.session.completed` with `payment_status: "paid"`) is judged against the purchase its
 * `metadata.purchaseId` names: only the payment the purchase asked for (its PaymentIntent or
 * Checkout Session, its amount, its currency) signals the workflow, which allocates at most once
 * however many arrive, in any order; any other is recorded as a mismatch. Refunds and disputes
 * (`charge.refunded`, `charge.dispute.created`) take the units back. Signals are sent inside the
 * transaction that records the event, so a failed signal leaves it unrecorded and Stripe's retry
 * tries again.
 */
export const purchasePaymentEvents: StripeEventHandler = {
  types: [...PAYMENT_EVENTS, ...REVERSAL_EVENTS],
  async apply(tx, s, event) {
    if ((REVERSAL_EVENTS as readonly string[]).includes(event.type)) return applyReversal(tx, parseReversalEvent(event));
    return applyPayment(tx, s, event);
  },
};
