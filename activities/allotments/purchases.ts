import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import type { PaymentDetails } from '../../workflows/allotments/purchase-definitions';
import { settlePurchase } from '../../src/allotments/purchases';
import { sendPurchaseReceipt } from '../../src/allotments/receipts';
import { PurchaseFailure } from '../../src/domain/allotments/failures';
import { checkoutReturnUrls } from '../../src/domain/allotments/payments';
import { purchaseById, recordCheckoutPaymentIntent, recordCheckoutSession, recordPaymentIntent, type Purchase } from '../../src/repos/allotments/purchases';

export function createPurchaseActivities(deps: Pick<ActivityDeps, 'sql' | 'stripe' | 'config' | 'mail'>) {
  const { sql, stripe, config } = deps;
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
  const metadata = (p: Purchase) => ({ purchaseId: p.id, organizationId: p.organizationId, assessmentId: p.assessmentId });
  const description = (p: Purchase) => `partnerflow allotment: ${p.quantity} unit(s)`;

  /** A Stripe-hosted Checkout page for the purchase's amount, once (idempotency key from the purchase id). */
  async function createCheckoutSession(purchase: Purchase): Promise<PaymentDetails> {
    if (purchase.stripeCheckoutSessionId) return { paymentIntentId: null, checkoutSessionId: purchase.stripeCheckoutSessionId };
    // The API refuses `checkout: true` without PUBLIC_BASE_URL; a worker configured otherwise cannot build the return pages.
    if (!config.PUBLIC_BASE_URL) throw ApplicationFailure.nonRetryable('PUBLIC_BASE_URL is not set: Checkout needs return pages', PurchaseFailure.STRIPE_INVALID_REQUEST);
    const { successUrl, cancelUrl } = checkoutReturnUrls(config.PUBLIC_BASE_URL, purchase.id);
    const session = await requireStripe().checkout.sessions.create(
      {
        mode: 'payment',
        // One line for the whole amount: the quote (volume or graduated) is the price, exactly.
        line_items: [{ quantity: 1, price_data: { currency: purchase.currency.toLowerCase(), unit_amount: purchase.amount, product_data: { name: description(purchase) } } }],
        success_url: successUrl,
        cancel_url: cancelUrl,
        client_reference_id: purchase.id,
        metadata: metadata(purchase),
        payment_intent_data: { description: description(purchase), metadata: metadata(purchase) },
      },
      { idempotencyKey: `purchase-${purchase.id}-checkout-session` },
    );
    await recordCheckoutSession(sql, purchase.id, session.id, session.url!);
    return { paymentIntentId: null, checkoutSessionId: session.id };
  }

  /** Expires an unpaid Checkout Session; reports 'succeeded' when it was paid after all. */
  async function closeCheckoutSession(purchase: Purchase): Promise<'succeeded' | 'canceled'> {
    if (!purchase.stripeCheckoutSessionId) return 'canceled';
    const s = requireStripe();
    const session = await s.checkout.sessions.retrieve(purchase.stripeCheckoutSessionId);
    if (session.payment_status === 'paid') {
      const pi = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
      if (pi) await recordCheckoutPaymentIntent(sql, purchase.id, pi);
      return 'succeeded';
    }
    if (session.status === 'open') await s.checkout.sessions.expire(purchase.stripeCheckoutSessionId, {}, { idempotencyKey: `purchase-${purchase.id}-checkout-expire` });
    return 'canceled';
  }

  return {
    /** Creates the PaymentIntent (or the Checkout Session) once (Stripe idempotency key from the purchase id) and stores it. */
    async createPayment(purchaseId: string): Promise<PaymentDetails> {
      const purchase = await load(purchaseId);
      if (purchase.paymentFlow === 'checkout') return createCheckoutSession(purchase);
      if (purchase.stripePaymentIntentId) return { paymentIntentId: purchase.stripePaymentIntentId };
      const intent = await requireStripe().paymentIntents.create(
        {
          amount: purchase.amount,
          currency: purchase.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          description: description(purchase),
          metadata: metadata(purchase),
        },
        { idempotencyKey: `purchase-${purchaseId}-payment-intent` },
      );
      await recordPaymentIntent(sql, purchaseId, intent.id);
      return { paymentIntentId: intent.id };
    },

    /** Cancels an unpaid PaymentIntent (expires an unpaid Checkout Session); reports 'succeeded' when it was paid after all. */
    async cancelPayment(purchaseId: string): Promise<'succeeded' | 'canceled'> {
      const purchase = await load(purchaseId);
      if (purchase.paymentFlow === 'checkout') return closeCheckoutSession(purchase);
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

    /** pending_payment → expired, once; nothing is allocated. `cause`: why, when not its window's end (`temporal_cancel`). */
    expirePurchase: (purchaseId: string, cause?: string): Promise<boolean> => settlePurchase(deps, purchaseId, 'expired', cause),

    /** The buyer's receipt once the units are credited; sent once per purchase (its notification id). */
    sendPurchaseReceipt: async (purchaseId: string): Promise<string> => sendPurchaseReceipt(deps, purchaseId),
  };
}
