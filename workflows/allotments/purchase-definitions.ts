import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { MISMATCHED_PURCHASE, PurchaseOutcome, UNSETTLED_PURCHASE } from '../../src/domain/allotments/lifecycle';
import type { MismatchReason } from '../../src/domain/allotments/payments';

export type { PurchaseOutcome };

export interface PurchaseWorkflowInput {
  purchaseId: string;
  /** How long an unpaid purchase waits before it expires (e.g. "24 hours"). */
  paymentTimeout: string;
}

/** Only ids: the client secret and the Checkout URL stay in the database, out of workflow histories. */
export interface PaymentDetails {
  /** The PaymentIntent (PaymentIntent flow; recorded histories hold only this). */
  paymentIntentId: string | null;
  /** The Checkout Session (Checkout flow). */
  checkoutSessionId?: string;
}

/** A signed payment event that named the purchase but was not its payment (nothing was allocated for it). */
export interface PaymentMismatchNotice {
  eventId: string;
  eventType: string;
  reasons: MismatchReason[];
}

export type PurchaseWorkflowStatus = typeof UNSETTLED_PURCHASE | typeof MISMATCHED_PURCHASE | PurchaseOutcome;

/** Stripe confirmed payment (from the verified webhook); any number of times, in any order. */
export const paymentConfirmedSignal = defineSignal<[{ eventId: string; eventType: string }]>('paymentConfirmed');
/** A verified payment event for this purchase did not match it (id, amount or currency); shown to ops. */
export const paymentMismatchSignal = defineSignal<[PaymentMismatchNotice]>('paymentMismatch');
/** Answers once the Stripe payment exists, so the API can hand the client what pays it (read from the database). */
export const paymentDetailsUpdate = defineUpdate<PaymentDetails>('paymentDetails');
export const purchaseStateQuery = defineQuery<{ status: PurchaseWorkflowStatus; paid: boolean; mismatches?: PaymentMismatchNotice[] }>('purchaseState');

export const purchaseWorkflowId = (purchaseId: string) => `purchase-${purchaseId}`;
