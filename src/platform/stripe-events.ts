import type { Services } from './services';
import { stripeEventHandlers } from './stripe-handlers';
import { receiveStripeWebhook as receive, type WebhookResult } from './stripe-webhook';

export type { WebhookResult };

/** `POST /v1/stripe/webhook`: verifies the delivery and applies it once through every lifecycle's handler. */
export const receiveStripeWebhook = (s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config'>, delivery: { signature: string | undefined; payload: string }) =>
  receive(s, stripeEventHandlers, delivery);
