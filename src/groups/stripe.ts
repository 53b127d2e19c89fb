import type Stripe from 'stripe';
import { requireStripe } from '../platform/stripe';

/** Stripe is where products, customers and subscriptions live: group services refuse without it. */
export const requireGroupStripe = (stripe: Stripe | null): Stripe => requireStripe(stripe, 'Stripe is where products, customers and subscriptions live');
