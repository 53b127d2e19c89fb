import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PurchaseOutcome, UNSETTLED_PURCHASE } from '../../src/domain/allotments/lifecycle';

export type { PurchaseOutcome };

export interface PurchaseWorkflowInput {
  purchaseId: string;
  /** How long an unpaid purchase waits before it expires (e.g. "24 hours"). */
  paymentTimeout: string;
}

/** Only the id: the client secret stays in the database, out of workflow histories. */
export interface PaymentDetails {
  paymentIntentId: string;
}

/** Stripe confirmed payment (from the verified webhook); any number of times, in any order. */
export const paymentConfirmedSignal = defineSignal<[{ eventId: string; eventType: string }]>('paymentConfirmed');
/** Answers once the Stripe payment exists, so the API can hand the client its secret (read from the database). */
export const paymentDetailsUpdate = defineUpdate<PaymentDetails>('paymentDetails');
export const purchaseStateQuery = defineQuery<{ status: typeof UNSETTLED_PURCHASE | PurchaseOutcome; paid: boolean }>('purchaseState');

export const purchaseWorkflowId = (purchaseId: string) => `purchase-${purchaseId}`;
