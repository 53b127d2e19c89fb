import { awaitsPayment, initialPurchaseStatus, UNSETTLED_PURCHASE, type PaymentFlow, type PaymentMethod, type PurchaseOutcome } from '../domain/allotments/lifecycle';
import type { Quote } from '../domain/allotments/pricing';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { requireStripe } from '../platform/stripe';
import { recordAudit } from '../repos/audit';
import { allocatePurchaseUnits } from '../repos/allotments/ledger';
import { recordEvent } from '../platform/events';
import { announceCredit } from './alerts';
import {
  getPurchase as readPurchase,
  insertPurchase,
  listPaymentMismatches,
  listPurchases as readPurchases,
  listReversals,
  paymentMismatchesOf,
  purchaseById,
  reversalsOf,
  transitionPurchase,
  type PaymentMismatch,
  type Purchase,
  type PurchaseFilter,
  type Reversal,
} from '../repos/allotments/purchases';
import type { Db } from '../db/connect';
import { startLifecycle } from '../temporal/start';
import { paymentDetailsUpdate, purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';
import { assertAllotmentsEnabled, resolveTarget, type Target } from './context';
import { quoteForOrganization } from './price-lists';

export type { PaymentMismatch, Purchase, PurchaseFilter, Reversal };

/** A purchase as its buyer sees it: with the Stripe client secret while it awaits payment. */
export interface PurchaseRequest {
  organizationId: string;
  assessmentId: string;
  quantity: number;
  currency: string;
  paymentMethod?: PaymentMethod;
  /** Pay on a Stripe-hosted Checkout page instead of with Stripe.js and the client secret. */
  checkout?: boolean;
}

/** A purchase with what happened to its payment since: mismatched payments, refunds and disputes. */
export interface PurchaseView extends Purchase {
  paymentMismatches: PaymentMismatch[];
  reversals: Reversal[];
  /** What Stripe.js needs to pay, read from Stripe while the purchase awaits payment (never stored). */
  clientSecret: string | null;
}

async function view(sql: Db, purchase: Purchase): Promise<Omit<PurchaseView, 'clientSecret'>> {
  const [paymentMismatches, reversals] = await Promise.all([listPaymentMismatches(sql, purchase.id), listReversals(sql, purchase.id)]);
  return { ...purchase, paymentMismatches, reversals };
}

/** How long placing a purchase waits for its PaymentIntent before answering without the secret. */
const PAYMENT_DETAILS_WAIT_MS = 20_000;

/** The purchase row for a request, priced by `priced` (a grant without a price is free). */
function purchaseRow(principal: Principal, { org, assessment }: Target, req: PurchaseRequest, method: PaymentMethod, priced: Quote | undefined, expiresAt: Date | null) {
  const paymentFlow: PaymentFlow = req.checkout ? 'checkout' : 'payment_intent';
  return {
    organizationId: org.id, assessmentId: assessment.id, quantity: req.quantity, currency: req.currency,
    unitAmount: priced?.unitAmount ?? 0, amount: priced?.amount ?? 0, priceListId: priced?.priceListId ?? null,
    paymentMethod: method, paymentFlow, status: initialPurchaseStatus(method), expiresAt, createdBy: principal.userId,
  };
}

export async function getPurchase(s: Pick<Services, 'sql' | 'stripe' | 'logger'>, p: Principal, id: string): Promise<PurchaseView> {
  await assertAllotmentsEnabled(s.sql);
  return present(s, await readPurchase(s.sql, p, id));
}

/**
 * The purchases the caller may see, newest first, each with its payment's history. The client
 * secret is not read from Stripe for a list (one call per purchase): it is null here; GET the
 * purchase for it.
 */
export async function listPurchases(s: Pick<Services, 'sql'>, p: Principal, q: PurchaseFilter & { after?: string; limit: number }): Promise<PurchaseView[]> {
  await assertAllotmentsEnabled(s.sql);
  const rows = await readPurchases(s.sql, p, q);
  const ids = rows.map((r) => r.id);
  const [mismatches, reversals] = await Promise.all([paymentMismatchesOf(s.sql, ids), reversalsOf(s.sql, ids)]);
  return rows.map((r) => ({ ...r, paymentMismatches: mismatches.get(r.id) ?? [], reversals: reversals.get(r.id) ?? [], clientSecret: null }));
}

/** The purchase as the API answers it: its payment's history and, while it awaits payment, the client secret. */
async function present(s: Pick<Services, 'sql' | 'stripe' | 'logger'>, purchase: Purchase): Promise<PurchaseView> {
  const [history, clientSecret] = await Promise.all([view(s.sql, purchase), clientSecretOf(s, purchase)]);
  return { ...history, clientSecret };
}

/**
 * The client secret is never stored (docs/security.md): while the purchase awaits payment it is
 * read from Stripe, which keeps it. When Stripe cannot be reached the purchase is answered without
 * it (null) and the client reads it again later.
 */
async function clientSecretOf(s: Pick<Services, 'stripe' | 'logger'>, purchase: Purchase): Promise<string | null> {
  if (!s.stripe || !purchase.stripePaymentIntentId || !awaitsPayment(purchase.status)) return null;
  try {
    return (await s.stripe.paymentIntents.retrieve(purchase.stripePaymentIntentId)).client_secret;
  } catch (err) {
    s.logger.warn({ purchaseId: purchase.id, err: (err as Error).message }, 'could not read the PaymentIntent from Stripe');
    return null;
  }
}

/**
 * Buys units for an organization: with Stripe, a pending purchase whose workflow creates the
 * PaymentIntent and allocates once paid; "manual", an admin's grant allocated at once.
 */
export async function placePurchase(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config' | 'logger'>, principal: Principal, req: PurchaseRequest): Promise<PurchaseView> {
  await assertAllotmentsEnabled(s.sql);
  if (req.checkout && req.paymentMethod === 'manual') {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: checkout', { errors: [{ path: 'checkout', message: 'a manual grant is not paid; checkout applies to Stripe payments' }] });
  }
  const target = await resolveTarget(s.sql, principal, req.organizationId, req.assessmentId);
  if (target.org.responseAllotment !== 'can_be_purchased') {
    throw new AppError('ALLOTMENT_NOT_PURCHASABLE', 'This organization cannot buy allotments (responseAllotment is not can_be_purchased)');
  }
  const purchase = (req.paymentMethod ?? 'stripe') === 'manual' ? await grantUnits(s, principal, target, req) : await buyWithStripe(s, principal, target, req);
  return present(s, purchase);
}

async function grantUnits(s: Pick<Services, 'sql'>, principal: Principal, target: Target, req: PurchaseRequest): Promise<Purchase> {
  if (principal.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin may grant units without payment');
  // A grant is priced when a price is available (for the record) but charges nothing.
  const priced = await quoteForOrganization(s.sql, target.org, target.assessment.id, req.quantity, req.currency, new Date()).catch(() => undefined);
  return s.sql.begin(async (tx) => {
    const purchase = await insertPurchase(tx, purchaseRow(principal, target, req, 'manual', priced, null));
    const moved = await allocatePurchaseUnits(tx, { purchaseId: purchase.id, organizationId: target.org.id, assessmentId: target.assessment.id, units: req.quantity, actor: actorOf(principal) });
    await announceCredit(tx, moved, { units: req.quantity, purchaseId: purchase.id });
    await recordAudit(tx, { actor: actorOf(principal), entity: 'purchase', entityId: purchase.id, action: 'grant', organizationId: target.org.id, after: { status: purchase.status, quantity: req.quantity } });
    return purchase;
  });
}

async function buyWithStripe(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config'>, principal: Principal, target: Target, req: PurchaseRequest): Promise<Purchase> {
  requireStripe(s.stripe, 'nothing can be charged; an admin may grant units with paymentMethod "manual"');
  if (req.checkout && !s.config.PUBLIC_BASE_URL) {
    throw new AppError('CONFLICT', 'Checkout needs PUBLIC_BASE_URL (where Stripe sends the partner back); pay with the client secret instead', { setting: 'PUBLIC_BASE_URL' });
  }
  const now = new Date();
  const hours = s.config.PURCHASE_PAYMENT_TIMEOUT_HOURS;
  const priced = await quoteForOrganization(s.sql, target.org, target.assessment.id, req.quantity, req.currency, now);
  const purchase = await s.sql.begin(async (tx) => {
    const p = await insertPurchase(tx, purchaseRow(principal, target, req, 'stripe', priced, new Date(now.getTime() + hours * 3_600_000)));
    await recordAudit(tx, { actor: actorOf(principal), entity: 'purchase', entityId: p.id, action: 'create', organizationId: target.org.id, after: { status: p.status, quantity: p.quantity, amount: p.amount, currency: p.currency, paymentFlow: p.paymentFlow } });
    // Started inside the transaction: if the start fails, no purchase row is left without its workflow.
    await startLifecycle(s.temporal, 'purchaseWorkflow', {
      workflowId: purchaseWorkflowId(p.id),
      taskQueue: s.taskQueue,
      args: [{ purchaseId: p.id, paymentTimeout: `${hours} hours` }],
      kind: 'purchase',
      organizationId: target.org.id,
      status: p.status,
    });
    return p;
  });
  // Waits (bounded) until the workflow has created the PaymentIntent (or Checkout Session); a slow
  // Stripe leaves the purchase pending and the client reads the secret (or URL) later with GET.
  await Promise.race([
    s.temporal.workflow.getHandle(purchaseWorkflowId(purchase.id)).executeUpdate(paymentDetailsUpdate),
    new Promise<undefined>((ok) => setTimeout(() => ok(undefined), PAYMENT_DETAILS_WAIT_MS).unref()),
  ]);
  return (await purchaseById(s.sql, purchase.id))!;
}

/**
 * Ends a pending purchase as its workflow decided, exactly once: paid allocates its units,
 * expired allocates nothing. False when it was already settled (a retry).
 */
export async function settlePurchase(s: Pick<Services, 'sql'>, purchaseId: string, outcome: PurchaseOutcome, cause?: string): Promise<boolean> {
  return s.sql.begin(async (tx) => {
    const purchase = await transitionPurchase(tx, purchaseId, outcome);
    if (!purchase) return false;
    const { organizationId, assessmentId, quantity } = purchase;
    if (outcome === 'paid') {
      await recordEvent(tx, { type: 'purchase.paid', organizationId, data: { purchaseId, organizationId, assessmentId, quantity, amount: { amount: purchase.amount, currency: purchase.currency } } });
      const moved = await allocatePurchaseUnits(tx, { purchaseId, organizationId, assessmentId, units: quantity, actor: `workflow:purchase-${purchaseId}` });
      await announceCredit(tx, moved, { units: quantity, purchaseId });
    } else {
      await recordEvent(tx, { type: 'purchase.expired', organizationId, data: { purchaseId, organizationId, assessmentId, quantity } });
    }
    await recordAudit(tx, {
      actor: `workflow:purchase-${purchaseId}`, entity: 'purchase', entityId: purchaseId, action: outcome === 'paid' ? 'paid' : 'expire', organizationId,
      before: { status: UNSETTLED_PURCHASE }, after: outcome === 'paid' ? { status: 'paid', allocated: quantity } : { status: 'expired', ...(cause && { cause }) },
    });
    return true;
  });
}
