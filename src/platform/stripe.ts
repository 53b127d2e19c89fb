import type Stripe from 'stripe';
import { AppError } from '../errors';

/** Stripe, or 409 STRIPE_NOT_CONNECTED naming why it was needed. */
export function requireStripe(stripe: Stripe | null, why = 'this needs Stripe'): Stripe {
  if (!stripe) throw new AppError('STRIPE_NOT_CONNECTED', `Stripe is not connected (STRIPE_SECRET_KEY): ${why}`);
  return stripe;
}

const PERMANENT = new Set(['StripeInvalidRequestError', 'StripeCardError', 'StripeIdempotencyError', 'StripePermissionError']);

/** A refusal that trying again cannot fix (bad parameters, a declined card, a reused key). */
export function isPermanentStripeError(err: unknown): boolean {
  const type = (err as { type?: string } | null)?.type;
  return typeof type === 'string' && PERMANENT.has(type);
}

/** Stripe errors for a synchronous API call: refusals are 422 with Stripe's reason, outages 503. */
export async function callStripe<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isPermanentStripeError(err)) {
      throw new AppError('UNPROCESSABLE', `Stripe refused to create the ${what}: ${(err as Error).message}`, { stripeCode: (err as { code?: string }).code ?? null });
    }
    if ((err as { type?: string } | null)?.type?.startsWith('Stripe')) {
      throw new AppError('UNAVAILABLE', `Stripe could not be reached to create the ${what} (${(err as Error).message}); nothing was created, try again`);
    }
    throw err;
  }
}
