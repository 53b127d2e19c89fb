import { WorkflowNotFoundError } from '@temporalio/client';
import type Stripe from 'stripe';
import { paymentConfirmedSignal, purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';
import type { AllotmentServices } from './context';

const PAYMENT_EVENTS = new Set(['checkout.session.completed', 'payment_intent.succeeded']);

/** The purchase a payment event is about, when it is one of ours and actually paid. */
export function paidPurchaseId(event: Stripe.Event): string | undefined {
  if (!PAYMENT_EVENTS.has(event.type)) return undefined;
  const object = event.data.object as { metadata?: Record<string, string> | null; payment_status?: string };
  if (event.type === 'checkout.session.completed' && object.payment_status && object.payment_status !== 'paid') return undefined;
  return object.metadata?.purchaseId || undefined;
}

/**
 * Applies a verified Stripe event once: its id is recorded in the same transaction that signals
 * the purchase workflow, so a failed signal leaves it unrecorded and Stripe's retry tries again.
 * The workflow allocates at most once however many payment events arrive, in any order.
 */
export async function applyStripeEvent(services: AllotmentServices, event: Stripe.Event): Promise<'applied' | 'duplicate' | 'ignored'> {
  const purchaseId = paidPurchaseId(event);
  return services.sql.begin(async (tx) => {
    const fresh = await tx`insert into stripe_events (id, type) values (${event.id}, ${event.type}) on conflict do nothing returning 1`;
    if (fresh.length === 0) return 'duplicate';
    if (!purchaseId) return 'ignored';
    try {
      await services.temporal.workflow.getHandle(purchaseWorkflowId(purchaseId)).signal(paymentConfirmedSignal, { eventId: event.id, eventType: event.type });
    } catch (err) {
      // Closed: the purchase is already paid (or it was cancelled in Stripe before expiring).
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    return 'applied';
  });
}
