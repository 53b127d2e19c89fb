import { WorkflowNotFoundError } from '@temporalio/client';
import type Stripe from 'stripe';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { requireStripe } from '../platform/stripe';
import { recordStripeEvent } from '../repos/allotments/stripe-events';
import { paymentConfirmedSignal, purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';

export type WebhookResult = 'applied' | 'duplicate' | 'ignored';

const PAYMENT_EVENTS = new Set(['checkout.session.completed', 'payment_intent.succeeded']);

/** The purchase a payment event is about, when it is one of ours and actually paid. */
export function paidPurchaseId(event: Stripe.Event): string | undefined {
  if (!PAYMENT_EVENTS.has(event.type)) return undefined;
  const object = event.data.object as { metadata?: Record<string, string> | null; payment_status?: string };
  if (event.type === 'checkout.session.completed' && object.payment_status && object.payment_status !== 'paid') return undefined;
  return object.metadata?.purchaseId || undefined;
}

/** A Stripe webhook delivery: verified by its Stripe-Signature header (400 otherwise), then applied once. */
export async function receiveStripeWebhook(
  s: Pick<Services, 'sql' | 'temporal' | 'stripe' | 'config'>,
  delivery: { signature: string | undefined; payload: string },
): Promise<WebhookResult> {
  const secret = s.config.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError('STRIPE_NOT_CONNECTED', 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
  const stripe = requireStripe(s.stripe, 'Stripe webhooks need it');
  let event: Stripe.Event;
  try {
    if (!delivery.signature) throw new Error('missing');
    event = await stripe.webhooks.constructEventAsync(delivery.payload, delivery.signature, secret);
  } catch {
    throw new AppError('INVALID_SIGNATURE', 'The Stripe-Signature header does not match the payload');
  }
  return applyStripeEvent(s, event);
}

/**
 * Applies a verified Stripe event once: its id is recorded in the same transaction that signals
 * the purchase workflow, so a failed signal leaves it unrecorded and Stripe's retry tries again.
 * The workflow allocates at most once however many payment events arrive, in any order.
 */
export async function applyStripeEvent(s: Pick<Services, 'sql' | 'temporal'>, event: Stripe.Event): Promise<WebhookResult> {
  const purchaseId = paidPurchaseId(event);
  return s.sql.begin(async (tx) => {
    if (!(await recordStripeEvent(tx, event))) return 'duplicate';
    if (!purchaseId) return 'ignored';
    try {
      await s.temporal.workflow.getHandle(purchaseWorkflowId(purchaseId)).signal(paymentConfirmedSignal, { eventId: event.id, eventType: event.type });
    } catch (err) {
      // Closed: the purchase is already paid (or it was cancelled in Stripe before expiring).
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    return 'applied';
  });
}
