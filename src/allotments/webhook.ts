import { WorkflowNotFoundError } from '@temporalio/client';
import type Stripe from 'stripe';
import type { StripeEventHandler } from '../platform/stripe-webhook';
import { paymentConfirmedSignal, purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';

const PAYMENT_EVENTS = ['checkout.session.completed', 'payment_intent.succeeded'] as const;

/** The purchase a payment event is about, when it is one of ours and actually paid. */
export function paidPurchaseId(event: Stripe.Event): string | undefined {
  if (!(PAYMENT_EVENTS as readonly string[]).includes(event.type)) return undefined;
  const object = event.data.object as { metadata?: Record<string, string> | null; payment_status?: string };
  if (event.type === 'checkout.session.completed' && object.payment_status && object.payment_status !== 'paid') return undefined;
  return object.metadata?.purchaseId || undefined;
}

/**
 * A payment signals its purchase's workflow inside the transaction that records the event, so a
 * failed signal leaves it unrecorded and Stripe's retry tries again. The workflow allocates at
 * most once however many payment events arrive, in any order.
 */
export const purchasePaymentEvents: StripeEventHandler = {
  types: PAYMENT_EVENTS,
  async apply(_tx, s, event) {
    const purchaseId = paidPurchaseId(event);
    if (!purchaseId) return 'ignored';
    try {
      await s.temporal.workflow.getHandle(purchaseWorkflowId(purchaseId)).signal(paymentConfirmedSignal, { eventId: event.id, eventType: event.type });
    } catch (err) {
      // Closed: the purchase is already paid (or it was cancelled in Stripe before expiring).
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    return 'applied';
  },
};
