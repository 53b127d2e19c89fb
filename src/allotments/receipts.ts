import { sendNotification, type NotificationOutcome } from '../platform/notifications';
import type { Services } from '../platform/services';
import { purchaseReceipt } from '../repos/allotments/purchases';

/** The receipt's notification id: one receipt per purchase, however often its workflow asks. */
export const receiptNotificationId = (purchaseId: string) => `purchase-${purchaseId}.receipt`;

/**
 * E-mails the buyer (the user who placed the purchase) a receipt once its units are credited:
 * amount, quantity, assessment, organization. Nothing for a purchase that is not paid.
 */
export async function sendPurchaseReceipt(s: Pick<Services, 'sql' | 'mail'>, purchaseId: string): Promise<NotificationOutcome | 'not_paid'> {
  const r = await purchaseReceipt(s.sql, purchaseId);
  if (!r || r.status !== 'paid') return 'not_paid';
  return sendNotification(s, {
    id: receiptNotificationId(purchaseId),
    to: r.buyerEmail,
    template: 'purchase.receipt',
    data: {
      buyerName: r.buyerName,
      purchaseId,
      organizationName: r.organizationName,
      assessmentName: r.assessmentName,
      quantity: r.quantity,
      amount: { amount: r.amount, currency: r.currency },
      unitAmount: { amount: r.unitAmount, currency: r.currency },
      paidAt: (r.paidAt ?? new Date()).toISOString(),
    },
  });
}
