import type Stripe from 'stripe';
import type { Db } from '../db/connect';
import { AppError } from '../errors';
import { recordStripeEvent } from '../repos/stripe-events';
import type { Services } from './services';
import { requireStripe } from './stripe';

export type WebhookResult = 'applied' | 'duplicate' | 'ignored';

/**
 * What a lifecycle does with the Stripe events it cares about. `apply` runs inside the transaction
 * that records the event id, so an event is applied once: a failure rolls the record back and
 * Stripe's redelivery tries again.
 */
export interface StripeEventHandler {
  /** Event types (e.g. `payment_intent.succeeded`) this handler is given. */
  types: readonly string[];
  apply(tx: Db, s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config'>, event: Stripe.Event): Promise<'applied' | 'ignored'>;
}

/** A Stripe webhook delivery: verified by its Stripe-Signature header (400 otherwise), then applied once. */
export async function receiveStripeWebhook(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config'>,
  handlers: readonly StripeEventHandler[],
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
  return applyStripeEvent(s, handlers, event);
}

/** Records the event id and hands the event to every handler of its type, in one transaction. */
export async function applyStripeEvent(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config'>,
  handlers: readonly StripeEventHandler[],
  event: Stripe.Event,
): Promise<WebhookResult> {
  const interested = handlers.filter((h) => h.types.includes(event.type));
  return s.sql.begin(async (tx) => {
    if (!(await recordStripeEvent(tx, event))) return 'duplicate';
    let result: WebhookResult = 'ignored';
    for (const handler of interested) if ((await handler.apply(tx, s, event)) === 'applied') result = 'applied';
    return result;
  });
}
