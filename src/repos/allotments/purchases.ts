import type { Db } from '../../db/connect';
import {
  MISMATCHED_PURCHASE,
  UNSETTLED_PURCHASE,
  UNSETTLED_PURCHASES,
  type PaymentFlow,
  type PaymentMethod,
  type PurchaseOutcome,
  type PurchaseStatus,
} from '../../domain/allotments/lifecycle';
import type { MismatchReason } from '../../domain/allotments/payments';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, newestFirst, type Page } from '../list';
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
  paymentFlow: PaymentFlow;
  status: PurchaseStatus;
  stripePaymentIntentId: string | null;
  stripeCheckoutSessionId: string | null;
  checkoutUrl: string | null;
  /** Units refunds and disputes took back from the allotment. */
  refundedUnits: number;
  /** Units refunds and disputes asked back that were no longer available (used, or held by open invitations). */
  refundShortfall: number;
  expiresAt: Date | null;
  paidAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export async function insertPurchase(
  sql: Db,
  p: Omit<Purchase, 'id' | 'stripePaymentIntentId' | 'stripeCheckoutSessionId' | 'checkoutUrl' | 'refundedUnits' | 'refundShortfall' | 'paidAt' | 'createdAt' | 'paymentFlow'> & {
    id?: string;
    paymentFlow?: PaymentFlow;
  },
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

export interface PurchaseFilter {
  organizationId?: string;
  assessmentId?: string;
  status?: PurchaseStatus;
  paymentMethod?: PaymentMethod;
}

/** Purchases in the caller's scope (organizations and, for managers, linked assessments), newest first. */
export async function listPurchases(sql: Db, principal: Principal, f: PurchaseFilter & Page): Promise<Purchase[]> {
  return sql<Purchase[]>`
    select p.* from purchases p
    where ${inScope(sql, principal, 'p.organization_id')} and ${assessmentInScope(sql, principal, 'p.assessment_id')}
      ${andEqual(sql, { 'p.organization_id': f.organizationId, 'p.assessment_id': f.assessmentId, 'p.status': f.status, 'p.payment_method': f.paymentMethod })}
      ${newestFirst(sql, 'purchases', 'p', f)}`;
}

export async function purchaseById(sql: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<Purchase | undefined> {
  const [row] = await sql<Purchase[]>`select * from purchases where id = ${id} ${opts.forUpdate ? sql`for update` : sql``}`;
  return row;
}

/** The purchase a PaymentIntent paid (its own, or its Checkout Session's once completed), locked until the caller's transaction ends. */
export async function lockPurchaseByPaymentIntent(sql: Db, paymentIntentId: string): Promise<Purchase | undefined> {
  const [row] = await sql<Purchase[]>`select * from purchases where stripe_payment_intent_id = ${paymentIntentId} for update`;
  return row;
}

/** The PaymentIntent's id only: its client secret is a secret and stays in Stripe (read it from there). */
export async function recordPaymentIntent(sql: Db, id: string, paymentIntentId: string): Promise<void> {
  await sql`update purchases set stripe_payment_intent_id = ${paymentIntentId} where id = ${id}`;
}

export async function recordCheckoutSession(sql: Db, id: string, sessionId: string, url: string): Promise<void> {
  await sql`update purchases set stripe_checkout_session_id = ${sessionId}, checkout_url = ${url} where id = ${id}`;
}

/** The PaymentIntent a completed Checkout Session paid with, so its refunds and disputes find the purchase. Once. */
export async function recordCheckoutPaymentIntent(sql: Db, id: string, paymentIntentId: string): Promise<void> {
  await sql`update purchases set stripe_payment_intent_id = ${paymentIntentId} where id = ${id} and stripe_payment_intent_id is null`;
}

/**
 * pending_payment|payment_mismatch → paid|expired, once: the purchase when this call made the transition. Mirrors
 * purchaseMayBecome (src/domain/allotments/lifecycle.ts); tests/allotments/transitions.e2e.test.ts holds it to the rule.
 */
export async function transitionPurchase(sql: Db, id: string, to: PurchaseOutcome): Promise<Purchase | undefined> {
  const [row] = await sql<Purchase[]>`
    update purchases set status = ${to}, paid_at = case when ${to} = 'paid' then now() else paid_at end
    where id = ${id} and status in ${sql(UNSETTLED_PURCHASES as PurchaseStatus[])} returning *`;
  return row;
}

/** pending_payment → payment_mismatch (purchaseMayBecome): true when this call moved it. */
export async function markPaymentMismatch(sql: Db, id: string): Promise<boolean> {
  const rows = await sql`update purchases set status = ${MISMATCHED_PURCHASE} where id = ${id} and status = ${UNSETTLED_PURCHASE} returning 1`;
  return rows.length > 0;
}

export interface PaymentMismatch {
  eventId: string;
  eventType: string;
  objectId: string;
  amount: number | null;
  currency: string | null;
  reasons: MismatchReason[];
  recordedAt: Date;
}

/** Keeps a mismatched payment event on its purchase, once per event. */
export async function insertPaymentMismatch(sql: Db, purchaseId: string, m: Omit<PaymentMismatch, 'recordedAt'>): Promise<boolean> {
  const rows = await sql`
    insert into purchase_payment_mismatches (purchase_id, stripe_event_id, event_type, object_id, amount, currency, reasons)
    values (${purchaseId}, ${m.eventId}, ${m.eventType}, ${m.objectId}, ${m.amount}, ${m.currency}, ${m.reasons as string[]})
    on conflict (stripe_event_id) do nothing returning 1`;
  return rows.length > 0;
}

export async function listPaymentMismatches(sql: Db, purchaseId: string): Promise<PaymentMismatch[]> {
  return (await paymentMismatchesOf(sql, [purchaseId])).get(purchaseId) ?? [];
}

/** The mismatched payments of several purchases at once (a page of a list), by purchase. */
export async function paymentMismatchesOf(sql: Db, purchaseIds: string[]): Promise<Map<string, PaymentMismatch[]>> {
  const rows = await sql<(Omit<PaymentMismatch, 'amount'> & { purchaseId: string; stripeEventId: string; amount: string | null })[]>`
    select purchase_id, stripe_event_id, event_type, object_id, amount, currency, reasons, recorded_at
    from purchase_payment_mismatches where purchase_id = any(${purchaseIds}::uuid[]) order by id`;
  return groupBy(rows.map(({ stripeEventId, amount, ...m }) => ({ ...m, eventId: stripeEventId, amount: amount === null ? null : Number(amount) })));
}

function groupBy<T extends { purchaseId: string }>(rows: T[]): Map<string, Omit<T, 'purchaseId'>[]> {
  const out = new Map<string, Omit<T, 'purchaseId'>[]>();
  for (const { purchaseId, ...row } of rows) out.set(purchaseId, [...(out.get(purchaseId) ?? []), row]);
  return out;
}

export type ReversalKind = 'refund' | 'dispute';

export interface Reversal {
  eventId: string;
  kind: ReversalKind;
  stripeObjectId: string;
  amount: number;
  units: number;
  taken: number;
  shortfall: number;
  recordedAt: Date;
}

/** What earlier refunds and disputes of a purchase asked back (call with the purchase locked). */
export async function reversalTotals(sql: Db, purchaseId: string, kind: ReversalKind): Promise<{ unitsOfKind: number; moneyOfKind: number; unitsTotal: number }> {
  const [row] = await sql<{ unitsOfKind: number; moneyOfKind: string; unitsTotal: number }[]>`
    select coalesce(sum(units) filter (where kind = ${kind}), 0)::int as units_of_kind,
           coalesce(sum(amount) filter (where kind = ${kind}), 0)::bigint as money_of_kind,
           coalesce(sum(units), 0)::int as units_total
    from purchase_reversals where purchase_id = ${purchaseId}`;
  return { unitsOfKind: row!.unitsOfKind, moneyOfKind: Number(row!.moneyOfKind), unitsTotal: row!.unitsTotal };
}

export async function disputeRecorded(sql: Db, disputeId: string): Promise<boolean> {
  const rows = await sql`select 1 from purchase_reversals where kind = 'dispute' and stripe_object_id = ${disputeId}`;
  return rows.length > 0;
}

/**
 * Records one refund or dispute and adds its units to the purchase's totals, in the caller's
 * transaction. A second record of the same event or dispute violates a unique index, so the
 * caller's transaction (and the units it took) rolls back.
 */
export async function insertReversal(sql: Db, purchaseId: string, r: Omit<Reversal, 'recordedAt'>): Promise<void> {
  await sql`
    insert into purchase_reversals (purchase_id, stripe_event_id, kind, stripe_object_id, amount, units, taken, shortfall)
    values (${purchaseId}, ${r.eventId}, ${r.kind}, ${r.stripeObjectId}, ${r.amount}, ${r.units}, ${r.taken}, ${r.shortfall})`;
  await sql`
    update purchases set refunded_units = refunded_units + ${r.taken}, refund_shortfall = refund_shortfall + ${r.shortfall}
    where id = ${purchaseId}`;
}

export async function listReversals(sql: Db, purchaseId: string): Promise<Reversal[]> {
  return (await reversalsOf(sql, [purchaseId])).get(purchaseId) ?? [];
}

/** The refunds and disputes of several purchases at once (a page of a list), by purchase. */
export async function reversalsOf(sql: Db, purchaseIds: string[]): Promise<Map<string, Reversal[]>> {
  const rows = await sql<(Omit<Reversal, 'amount' | 'eventId'> & { purchaseId: string; stripeEventId: string; amount: string })[]>`
    select purchase_id, stripe_event_id, kind, stripe_object_id, amount, units, taken, shortfall, recorded_at
    from purchase_reversals where purchase_id = any(${purchaseIds}::uuid[]) order by id`;
  return groupBy(rows.map(({ stripeEventId, amount, ...r }) => ({ ...r, eventId: stripeEventId, amount: Number(amount) })));
}

/** What a paid purchase's receipt says, and to whom: the user who placed it (none for a purchase without one). */
export interface PurchaseReceipt {
  purchaseId: string;
  status: PurchaseStatus;
  buyerName: string;
  buyerEmail: string;
  organizationName: string;
  assessmentName: string;
  quantity: number;
  currency: string;
  unitAmount: number;
  amount: number;
  paidAt: Date | null;
}

export async function purchaseReceipt(sql: Db, id: string): Promise<PurchaseReceipt | undefined> {
  const [row] = await sql<PurchaseReceipt[]>`
    select p.id as purchase_id, p.status, u.name as buyer_name, u.email as buyer_email, o.name as organization_name,
           a.name as assessment_name, p.quantity, p.currency, p.unit_amount, p.amount, p.paid_at
    from purchases p
    join users u on u.id = p.created_by
    join organizations o on o.id = p.organization_id
    join assessments a on a.id = p.assessment_id
    where p.id = ${id}`;
  return row;
}
