import { attemptDelivery, type AttemptInput } from '../../src/platform/webhook-delivery';
import type { AttemptResult } from '../../workflows/platform/webhook-delivery-definitions';
import type { ActivityDeps } from '../deps';

export function createWebhookActivities(deps: ActivityDeps) {
  return {
    /** One attempt of a webhook delivery: the signed POST and its record (src/platform/webhook-delivery.ts). */
    attemptDelivery: (input: AttemptInput): Promise<AttemptResult> => attemptDelivery(deps, input),
  };
}

export type WebhookActivities = ReturnType<typeof createWebhookActivities>;
