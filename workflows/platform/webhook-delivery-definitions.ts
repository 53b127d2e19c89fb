import { defineQuery } from '@temporalio/workflow';

export interface WebhookDeliveryInput {
  deliveryId: string;
}

/** How a delivery ended: delivered (2xx), given up after the last attempt, the endpoint answered 410 (it is disabled), or the endpoint was disabled or deleted meanwhile. */
export type DeliveryOutcome = 'succeeded' | 'failed' | 'gone' | 'cancelled';

/** What the delivery's activity answers for one attempt. */
export interface AttemptResult {
  /** `retry`: this attempt failed and another follows after `nextDelayMs`. */
  outcome: DeliveryOutcome | 'retry';
  nextDelayMs: number | null;
}

export interface DeliveryState {
  status: 'pending' | 'retrying' | DeliveryOutcome;
  /** Attempts made so far. */
  attempts: number;
  /** When the next attempt is due (workflow time), while retrying. */
  nextAttemptAt: string | null;
}

export const deliveryStateQuery = defineQuery<DeliveryState>('deliveryState');

/** The first delivery of an event to an endpoint: one per pair, ever (a business key). */
export const deliveryWorkflowId = (eventId: string, endpointId: string) => `delivery-${eventId}-${endpointId}`;
/** A redelivery (POST /v1/events/{id}/redeliver) has an id of its own, so an event can be sent again any number of times. */
export const redeliveryWorkflowId = (deliveryId: string) => `redelivery-${deliveryId}`;

export const WEBHOOK_DELIVERY_KIND = 'webhook_delivery';
