import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import type { PaymentDetails } from '../../workflows/allotments/purchase-definitions';
import { recordAudit } from '../../src/repos/audit';
import { allocatePurchaseUnits } from '../../src/repos/allotments/ledger';
import { purchaseById, recordPaymentIntent, transitionPurchase } from '../../src/repos/allotments/purchases';

const actor = (purchaseId: string) => `workflow:purchase-${purchaseId}`;

export function createPurchaseActivities({ sql, stripe }: Pick<ActivityDeps, 'sql' | 'stripe'>) {
  const requireStripe = () => {
    if (!stripe) throw ApplicationFailure.nonRetryable('Stripe is not connected', 'StripeNotConnected');
    return stripe;
  };
  const load = async (purchaseId: string) => {
    const purchase = await purchaseById(sql, purchaseId);
    if (!purchase) throw ApplicationFailure.nonRetryable(`purchase ${purchaseId} does not exist`, 'PurchaseNotFound');
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
      await recordPaymentIntent(sql, purchaseId, intent.id, intent.client_secret!);
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
    async allocatePurchase(purchaseId: string): Promise<boolean> {
      return sql.begin(async (tx) => {
        const purchase = await transitionPurchase(tx, purchaseId, 'paid');
        if (!purchase) return false;
        await allocatePurchaseUnits(tx, { purchaseId, organizationId: purchase.organizationId, assessmentId: purchase.assessmentId, units: purchase.quantity });
        await recordAudit(tx, {
          actor: actor(purchaseId), entity: 'purchase', entityId: purchaseId, action: 'paid', organizationId: purchase.organizationId,
          before: { status: 'pending_payment' }, after: { status: 'paid', allocated: purchase.quantity },
        });
        return true;
      });
    },

    async expirePurchase(purchaseId: string): Promise<boolean> {
      return sql.begin(async (tx) => {
        const purchase = await transitionPurchase(tx, purchaseId, 'expired');
        if (purchase) {
          await recordAudit(tx, { actor: actor(purchaseId), entity: 'purchase', entityId: purchaseId, action: 'expire', organizationId: purchase.organizationId, before: { status: 'pending_payment' }, after: { status: 'expired' } });
        }
        return Boolean(purchase);
      });
    },
  };
}
