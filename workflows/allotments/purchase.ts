import { allHandlersFinished, condition, log, patched, setHandler, sleep } from '@temporalio/workflow';
import { MISMATCHED_PURCHASE, UNSETTLED_PURCHASE } from '../../src/domain/allotments/lifecycle';
import { cancelledAfterCleanUp, shieldFromTemporalCancel, TEMPORAL_CANCEL_CAUSE } from '../platform/cancellation';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';
import { ledger, mail, stripe } from './activity-profiles';
import {
  paymentConfirmedSignal,
  paymentDetailsUpdate,
  paymentMismatchSignal,
  purchaseStateQuery,
  type PaymentDetails,
  type PaymentMismatchNotice,
  type PurchaseOutcome,
  type PurchaseWorkflowInput,
  type PurchaseWorkflowStatus,
} from './purchase-definitions';

/** Executions whose history predates mismatch reporting never published it (tests/histories/purchase*.json). */
export const PUBLISH_PAYMENT_MISMATCH = 'publish-payment-mismatch';
/** Executions recorded before receipts existed never sent one (tests/histories/purchase-paid.json). */
export const PURCHASE_RECEIPT = 'purchase-receipt';

/**
 * One purchase: create the Stripe payment, wait for it, allocate exactly once or expire.
 *
 * `temporal workflow cancel` closes the payment window now: the purchase is expired as at the end
 * of its 24 hours (the PaymentIntent cancelled or the Checkout Session expired in Stripe, the row
 * `expired`, audited with `cause: 'temporal_cancel'`), then the workflow ends Canceled. A payment
 * that already succeeded wins: it is allocated as always and the workflow completes `paid`.
 */
export async function purchaseWorkflow(input: PurchaseWorkflowInput): Promise<PurchaseOutcome | 'abandoned'> {
  let cancelledInTemporal = false;
  const shield = shieldFromTemporalCancel(() => {
    cancelledInTemporal = true;
  });
  const outcome = await shield.run(() => purchase(input, () => cancelledInTemporal, shield.run));
  if (cancelledInTemporal && outcome === 'expired') throw cancelledAfterCleanUp('the purchase is expired and its payment closed in Stripe');
  return outcome;
}

async function purchase(
  input: PurchaseWorkflowInput,
  cancelledInTemporal: () => boolean,
  shielded: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<PurchaseOutcome | 'abandoned'> {
  let payment: PaymentDetails | undefined;
  let paid = false;
  let status: PurchaseWorkflowStatus = UNSETTLED_PURCHASE;
  const mismatches: PaymentMismatchNotice[] = [];

  setHandler(paymentConfirmedSignal, () => {
    paid = true;
  });
  // A payment that is not this purchase's allocates nothing; ops see it on the workflow
  // (PartnerflowStatus = "payment_mismatch", the state query) while it waits for its own.
  setHandler(paymentMismatchSignal, (notice) => {
    mismatches.push(notice);
    if (!paid && status === UNSETTLED_PURCHASE && patched(PUBLISH_PAYMENT_MISMATCH)) {
      status = MISMATCHED_PURCHASE;
      publishStatus(status);
    }
  });
  setHandler(paymentDetailsUpdate, () =>
    shielded(async () => {
      await condition(() => payment !== undefined);
      return payment!;
    }),
  );
  setHandler(purchaseStateQuery, () => ({ status, paid, mismatches: [...mismatches] }));

  // Executions started before this check existed go straight on (they ran after their commit).
  if (patched('await-record-commit') && !(await recordCommitted('purchase', input.purchaseId))) {
    publishStatus('abandoned');
    return 'abandoned';
  }
  // The payment window opens when the purchase is placed (the expiresAt it shows), not when
  // Stripe answers: an outage while the PaymentIntent is created does not lengthen it.
  let windowClosed = false;
  const windowFromStart = patched('payment-window-from-start');
  if (windowFromStart) {
    void sleep(input.paymentTimeout).then(() => {
      windowClosed = true;
    });
  }
  payment = await stripe.createPayment(input.purchaseId);

  // A Temporal cancellation closes the window early (it changes nothing for executions never cancelled).
  let paidInTime: boolean;
  if (windowFromStart) {
    await condition(() => paid || windowClosed || cancelledInTemporal());
    paidInTime = paid;
  } else {
    paidInTime = (await condition(() => paid || cancelledInTemporal(), input.paymentTimeout)) && paid;
  }
  if (!paidInTime) {
    // Cancelling fails for a payment that succeeded meanwhile: then it counts as paid.
    const cancelled = await stripe.cancelPayment(input.purchaseId);
    // A payment confirmed while the cancellation ran (e.g. a Checkout session) counts too: it is
    // never overwritten by the cancellation's answer.
    paid = patched('payment-confirmed-while-expiring') ? paid || cancelled === 'succeeded' : cancelled === 'succeeded';
  }
  if (paid) {
    await ledger.allocatePurchase(input.purchaseId);
    status = 'paid';
  } else {
    if (cancelledInTemporal()) await ledger.expirePurchase(input.purchaseId, TEMPORAL_CANCEL_CAUSE);
    else await ledger.expirePurchase(input.purchaseId);
    status = 'expired';
  }
  publishStatus(status);
  if (status === 'paid' && patched(PURCHASE_RECEIPT)) await sendReceipt(input.purchaseId);
  await condition(allHandlersFinished);
  return status;
}

/** The buyer's receipt. The units are credited whatever happens to it: a receipt that cannot be sent is logged. */
async function sendReceipt(purchaseId: string): Promise<void> {
  try {
    await mail.sendPurchaseReceipt(purchaseId);
  } catch (err) {
    log.error('purchase receipt could not be sent', { purchaseId, error: String(err) });
  }
}
