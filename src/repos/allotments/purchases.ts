import type { Db } from '../../db/connect';
import { UNSETTLED_PURCHASE, type PaymentMethod, type PurchaseOutcome, type PurchaseStatus } from '../../domain/allotments/lifecycle';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { inScope } from '../scope';
import { assessmentInScope } from './access';

export type { PurchaseStatus };

export interface Purchase {
  id: string;
  organizationId: string;
  assessmentId: string;
  quantity: number;
  currency: string;
  unitAmount: number;
  amount: number;
  priceListId: string | null;
  paymentMethod: PaymentMethod;
  status: PurchaseStatus;
  stripePaymentIntentId: string | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export async function insertPurchase(
  sql: Db,
  p: Omit<Purchase, 'id' | 'stripePaymentIntentId' | 'paidAt' | 'createdAt'> & { id?: string },
): Promise<Purchase> {
  const [row] = await sql<Purchase[]>`
    insert into purchases ${sql(p as never)}
    returning *`;
  return row!;
}

export async function getPurchase(sql: Db, principal: Principal, id: string): Promise<Purchase> {
  const [row] = await sql<Purchase[]>`select p.* from purchases p where p.id = ${id} and ${inScope(sql, principal, 'p.organization_id')} and ${assessmentInScope(sql, principal, 'p.assessment_id')}`;
  if (!row) throw notFound('Purchase');
  return row;
}

export async function purchaseById(sql: Db, id: string): Promise<Purchase | undefined> {
  const [row] = await sql<Purchase[]>`select * from purchases where id = ${id}`;
  return row;
}

/** The PaymentIntent's id only: its client secret is a secret and stays in Stripe (read it from there). */
export async function recordPaymentIntent(sql: Db, id: string, paymentIntentId: string): Promise<void> {
  await sql`update purchases set stripe_payment_intent_id = ${paymentIntentId} where id = ${id}`;
}

/**
 * pending_payment → paid|expired, once: the purchase when this call made the transition. Mirrors
 * purchaseMayBecome (src/domain/allotments/lifecycle.ts); tests/allotments/transitions.e2e.test.ts holds it to the rule.
 */
export async function transitionPurchase(sql: Db, id: string, to: PurchaseOutcome): Promise<Purchase | undefined> {
  const [row] = await sql<Purchase[]>`
    update purchases set status = ${to}, paid_at = case when ${to} = 'paid' then now() else paid_at end
    where id = ${id} and status = ${UNSETTLED_PURCHASE} returning *`;
  return row;
}
