import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import type { PaymentDetails } from '../../workflows/allotments/purchase-definitions';
import { settlePurchase } from '../../src/allotments/purchases';
import { PurchaseFailure } from '../../src/domain/allotments/failures';
import { purchaseById, recordPaymentIntent } from '../../src/repos/allotments/purchases';

export function createPurchaseActivities(deps: Pick<ActivityDeps, 'sql' | 'stripe'>) {
  const { sql, stripe } = deps;
  // Refusals a retry cannot fix end the activity for good (the workflow does not retry them).
  const requireStripe = () => {
    if (!stripe) throw ApplicationFailure.nonRetryable('Stripe is not connected', PurchaseFailure.STRIPE_NOT_CONNECTED);
    return stripe;
  };
  const load = async (purchaseId: string) => {
    const purchase = await purchaseById(sql, purchaseId);
    if (!purchase) throw ApplicationFailure.nonRetryable(`purchase ${purchaseId} does not exist`, PurchaseFailure.NOT_FOUND);
    return purchase;
  };

  return {
    /** Creates the PaymentIntent once (Stripe idempotency key from the purchase id) and stores it. */
    async createPayment(purchaseId: string): Promise<PaymentDetails> {
      const purchase = await load(purchaseId);
      if (purchase.stripePaymentIntentId) return { paymentIntentId: purchase.stripePaymentIntentId };
      const intent = await requireStripe().paymentIntents.create(
        {
          amount: purchase.amount,
          currency: purchase.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          description: `partnerflow allotment: ${purchase.quantity} unit(s)`,
          metadata: { purchaseId, organizationId: purchase.organizationId, assessmentId: purchase.assessmentId },
        },
        { idempotencyKey: `purchase-${purchaseId}-payment-intent` },
      );
      await recordPaymentIntent(sql, purchaseId, intent.id);
      return { paymentIntentId: intent.id };
    },

    /** Cancels an unpaid PaymentIntent; reports 'succeeded' when it was paid after all. */
    async cancelPayment(purchaseId: string): Promise<'succeeded' | 'canceled'> {
      const purchase = await load(purchaseId);
      if (!purchase.stripePaymentIntentId) return 'canceled';
      const s = requireStripe();
      const intent = await s.paymentIntents.retrieve(purchase.stripePaymentIntentId);
      if (intent.status === 'succeeded') return 'succeeded';
      if (intent.status !== 'canceled') {
        await s.paymentIntents.cancel(purchase.stripePaymentIntentId, {}, { idempotencyKey: `purchase-${purchaseId}-cancel` });
      }
      return 'canceled';
    },

    /** pending_payment → paid and the units allocated, in one transaction, exactly once. */
    allocatePurchase: (purchaseId: string): Promise<boolean> => settlePurchase(deps, purchaseId, 'paid'),

    /** pending_payment → expired, once; nothing is allocated. */
    expirePurchase: (purchaseId: string): Promise<boolean> => settlePurchase(deps, purchaseId, 'expired'),
  };
}
