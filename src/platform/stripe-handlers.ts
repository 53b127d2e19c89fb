// Every lifecycle's Stripe event handler, for the one webhook endpoint (add yours here).
import { purchasePaymentEvents } from '../allotments/webhook';
import { groupSubscriptionEvents } from '../groups/stripe-events';
import type { StripeEventHandler } from './stripe-webhook';

export const stripeEventHandlers: readonly StripeEventHandler[] = [purchasePaymentEvents, groupSubscriptionEvents];
