import type { Client } from '@temporalio/client';
import type Stripe from 'stripe';
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import type { Mailer } from '../mail';

/** What the group-subscription services need; the API passes its deps. */
export interface GroupServices {
  sql: Sql;
  temporal: Client;
  taskQueue: string;
  stripe: Stripe | null;
  mail: Mailer;
}

export function requireStripe(stripe: Stripe | null): Stripe {
  if (!stripe) throw new AppError('STRIPE_NOT_CONNECTED', 'Stripe is not connected (STRIPE_SECRET_KEY), and Stripe is where products, customers and subscriptions live');
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
