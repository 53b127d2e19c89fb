import type Stripe from 'stripe';
import type { Db } from '../db/connect';
import { quote, utcDate, type Quote } from '../domain/allotments/pricing';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import { recordAudit } from '../repos/audit';
import { allocatePurchaseUnits } from '../repos/allotments/ledger';
import { linkedPriceList } from '../repos/allotments/price-lists';
import { insertPurchase, purchaseById, type Purchase } from '../repos/allotments/purchases';
import type { Organization } from '../repos/organizations';
import { startLifecycle } from '../temporal/start';
import { paymentDetailsUpdate, purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';
import { assertAllotmentsEnabled, resolveTarget, type AllotmentServices } from './context';

export interface PurchaseRequest {
  organizationId: string;
  assessmentId: string;
  quantity: number;
  currency: string;
  paymentMethod?: 'stripe' | 'manual';
}

/** Quote from the price list linked to the organization for the assessment, valid today. */
export async function quoteForOrganization(sql: Db, org: Organization, assessmentId: string, quantity: number, currency: string, now: Date): Promise<Quote> {
  const list = await linkedPriceList(sql, org.id, assessmentId);
  if (!list) throw new AppError('NO_VALID_PRICE', 'No price list is linked to this organization for this assessment');
  const q = quote(list, quantity, currency, utcDate(now));
  if (!q.ok) throw new AppError('NO_VALID_PRICE', q.reason);
  return q.quote;
}

export async function placePurchase(
  services: AllotmentServices & { stripe: Stripe | null; paymentTimeout: string; paymentTimeoutMs: number },
  principal: Principal,
  req: PurchaseRequest,
): Promise<Purchase> {
  const { sql } = services;
  await assertAllotmentsEnabled(sql);
  const { org, assessment } = await resolveTarget(sql, principal, req.organizationId, req.assessmentId);
  if (org.responseAllotment !== 'can_be_purchased') {
    throw new AppError('ALLOTMENT_NOT_PURCHASABLE', 'This organization cannot buy allotments (responseAllotment is not can_be_purchased)');
  }
  const method = req.paymentMethod ?? 'stripe';
  const now = new Date();

  if (method === 'manual') {
    if (principal.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin may grant units without payment');
    // A grant is priced when a price is available (for the record) but charges nothing.
    const priced = await quoteForOrganization(sql, org, assessment.id, req.quantity, req.currency, now).catch(() => undefined);
    return sql.begin(async (tx) => {
      const purchase = await insertPurchase(tx, {
        organizationId: org.id, assessmentId: assessment.id, quantity: req.quantity, currency: req.currency,
        unitAmount: priced?.unitAmount ?? 0, amount: priced?.amount ?? 0, priceListId: priced?.priceListId ?? null,
        paymentMethod: 'manual', status: 'granted', expiresAt: null, createdBy: principal.userId,
      });
      await allocatePurchaseUnits(tx, { purchaseId: purchase.id, organizationId: org.id, assessmentId: assessment.id, units: req.quantity });
      await recordAudit(tx, { actor: actorOf(principal), entity: 'purchase', entityId: purchase.id, action: 'grant', organizationId: org.id, after: { status: 'granted', quantity: req.quantity } });
      return purchase;
    });
  }

  if (!services.stripe) throw new AppError('STRIPE_NOT_CONNECTED', 'Stripe is not connected, so nothing can be charged; an admin may grant units with paymentMethod "manual"');
  const priced = await quoteForOrganization(sql, org, assessment.id, req.quantity, req.currency, now);
  const purchase = await sql.begin(async (tx) => {
    const p = await insertPurchase(tx, {
      organizationId: org.id, assessmentId: assessment.id, quantity: req.quantity, currency: req.currency,
      unitAmount: priced.unitAmount, amount: priced.amount, priceListId: priced.priceListId,
      paymentMethod: 'stripe', status: 'pending_payment', expiresAt: new Date(now.getTime() + services.paymentTimeoutMs), createdBy: principal.userId,
    });
    await recordAudit(tx, { actor: actorOf(principal), entity: 'purchase', entityId: p.id, action: 'create', organizationId: org.id, after: { status: p.status, quantity: p.quantity, amount: p.amount, currency: p.currency } });
    // Started inside the transaction: if the start fails, no purchase row is left without its workflow.
    await startLifecycle(services.temporal, 'purchaseWorkflow', {
      workflowId: purchaseWorkflowId(p.id),
      taskQueue: services.taskQueue,
      args: [{ purchaseId: p.id, paymentTimeout: services.paymentTimeout }],
      kind: 'purchase',
      organizationId: org.id,
      status: 'pending_payment',
    });
    return p;
  });
  // Waits (bounded) until the workflow has created the PaymentIntent; a slow Stripe leaves the
  // purchase pending and the client reads the secret later with GET.
  await Promise.race([
    services.temporal.workflow.getHandle(purchaseWorkflowId(purchase.id)).executeUpdate(paymentDetailsUpdate),
    new Promise<undefined>((ok) => setTimeout(() => ok(undefined), 20_000).unref()),
  ]);
  return (await purchaseById(sql, purchase.id))!;
}
