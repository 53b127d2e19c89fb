import type { Client } from '@temporalio/client';
import type Stripe from 'stripe';
import { requireStripe as requireStripeFor } from '../platform/stripe';
import type { Sql } from '../db/connect';
import type { Mailer } from '../mail';

/** What the group-subscription services need; the API passes its deps. */
export interface GroupServices {
  sql: Sql;
  temporal: Client;
  taskQueue: string;
  stripe: Stripe | null;
  mail: Mailer;
}

export { callStripe, isPermanentStripeError } from '../platform/stripe';

/** Stripe is where products, customers and subscriptions live: group services refuse without it. */
export const requireStripe = (stripe: Stripe | null): Stripe => requireStripeFor(stripe, 'Stripe is where products, customers and subscriptions live');
