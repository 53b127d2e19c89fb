import type Stripe from 'stripe';
import { z } from 'zod';
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

/** How far in the future a signature's timestamp may be (clock skew); Stripe's own check only bounds the past. */
export const SIGNATURE_FUTURE_TOLERANCE_S = 300;

/** Every Stripe event, as Stripe documents it: an id, a type and `data.object`. Handlers parse the object. */
const StripeEventEnvelope = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

/** 400 VALIDATION_FAILED naming what a correctly signed event lacks (the paths only: nothing of the payload is echoed). */
export function malformedEvent(error: z.ZodError): AppError {
  const errors = error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || 'event', message: i.message.slice(0, 200) }));
  return new AppError('VALIDATION_FAILED', `The Stripe event is malformed: ${[...new Set(errors.map((e) => e.path))].join(', ')}`, { errors });
}

/** `schema` applied to a verified event (or its object); a mismatch is the sender's error (400), never ours (500). */
export function parseStripeEvent<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw malformedEvent(parsed.error);
  return parsed.data;
}

/** The `t=` of a Stripe-Signature header, in seconds, or undefined. */
const signedAt = (header: string) => Number(/(?:^|,)\s*t=(\d+)/.exec(header)?.[1] ?? NaN);

/**
 * A Stripe webhook delivery: verified by its Stripe-Signature header (400 INVALID_SIGNATURE
 * otherwise, and for a timestamp more than 5 minutes ahead), parsed as a Stripe event (400
 * VALIDATION_FAILED when a signed payload is not one), then applied once.
 */
export async function receiveStripeWebhook(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config'>,
  handlers: readonly StripeEventHandler[],
  delivery: { signature: string | undefined; payload: string },
): Promise<WebhookResult> {
  const secret = s.config.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError('STRIPE_NOT_CONNECTED', 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
  const stripe = requireStripe(s.stripe, 'Stripe webhooks need it');
  let event: unknown;
  try {
    if (!delivery.signature) throw new Error('missing');
    event = await stripe.webhooks.constructEventAsync(delivery.payload, delivery.signature, secret);
  } catch {
    throw new AppError('INVALID_SIGNATURE', 'The Stripe-Signature header does not match the payload');
  }
  if (!(signedAt(delivery.signature) <= Date.now() / 1000 + SIGNATURE_FUTURE_TOLERANCE_S)) {
    throw new AppError('INVALID_SIGNATURE', `The Stripe-Signature is timestamped more than ${SIGNATURE_FUTURE_TOLERANCE_S} seconds in the future`);
  }
  parseStripeEvent(StripeEventEnvelope, event);
  return applyStripeEvent(s, handlers, event as Stripe.Event);
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
