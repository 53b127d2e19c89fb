import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import type { Principal } from '../../domain/principal';
import { totalsByCurrency } from '../../domain/sales/pricing';
import type { Money, SaleStatus, SalesType } from '../../domain/sales/types';
import { notFound } from '../../errors';
import { inScope } from '../scope';

export interface SaleLineInput {
  distributionId: string;
  salesType: SalesType;
  numberOfUsers: number;
  currency: string;
  unitAmount: number;
  salesAmount: number;
  keyLengthDays: number;
}

export interface SaleInput {
  organizationId: string;
  registeredBy: string;
  name: string;
  customerPoNumber?: string | null;
  orderNumber?: string | null;
  billed: string;
  activationDate: string;
  lines: SaleLineInput[];
}

export interface SaleLine {
  id: string;
  distributionId: string;
  name: string;
  salesType: SalesType;
  numberOfUsers: number;
  seatsUsed: number;
  keyLengthDays: number;
  distributionPrice: Money;
  salesPrice: Money;
}

export interface Sale {
  id: string;
  name: string;
  status: SaleStatus;
  organizationId: string;
  customer: { organizationId: string; name: string };
  registeredBy: string;
  customerPoNumber: string | null;
  orderNumber: string | null;
  billed: string;
  activationDate: string;
  cancellationDate: string;
  rejectionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  activatedAt: Date | null;
  cancelledAt: Date | null;
  /** The admin who cancelled the sale before its end, and why (null for a sale that ran its course). */
  cancelledBy: string | null;
  cancellationReason: string | null;
  distributions: SaleLine[];
  totals: Money[];
  createdAt: Date;
  updatedAt: Date;
}

interface SaleRow extends Omit<Sale, 'customer' | 'distributions' | 'totals'> {
  organizationName: string;
  lines: { id: string; distributionId: string; name: string; salesType: SalesType; numberOfUsers: number; seatsUsed: number; keyLengthDays: number; currency: string; unitAmount: number; salesAmount: number }[];
}

/**
 * Who sees a sale: its customer organization's scope. Approvers without an organization are the
 * site's approvers and see every sale (they must, to approve); approvers with one see their subtree.
 */
export function saleScope(sql: Db, p: Principal, column: string): postgres.PendingQuery<postgres.Row[]> {
  if (p.role === 'approver' && !p.organizationId) return sql`true`;
  return inScope(sql, p, column);
}

const select = (sql: Db) => sql`
  select s.id, s.name, s.status, s.organization_id, o.name as organization_name, s.registered_by,
         s.customer_po_number, s.order_number, s.billed,
         s.activation_date::text as activation_date, s.cancellation_date::text as cancellation_date,
         s.rejection_reason, s.decided_by, s.decided_at, s.activated_at, s.cancelled_at, s.cancelled_by, s.cancellation_reason, s.created_at, s.updated_at,
         (select coalesce(json_agg(json_build_object(
                   'id', l.id, 'distribution_id', l.distribution_id, 'name', d.name, 'sales_type', l.sales_type,
                   'number_of_users', l.number_of_users, 'seats_used', l.seats_used, 'key_length_days', l.key_length_days,
                   'currency', l.currency, 'unit_amount', l.unit_amount, 'sales_amount', l.sales_amount) order by l.position), '[]')
            from sale_distributions l join distributions d on d.id = l.distribution_id
           where l.sale_id = s.id) as lines
  from sales s join organizations o on o.id = s.organization_id`;

function toSale({ lines, organizationName, ...row }: SaleRow): Sale {
  const distributions = lines.map(({ currency, unitAmount, salesAmount, ...l }) => ({
    ...l,
    distributionPrice: { amount: Number(unitAmount), currency },
    salesPrice: { amount: Number(salesAmount), currency },
  }));
  return {
    ...row,
    customer: { organizationId: row.organizationId, name: organizationName },
    distributions,
    totals: totalsByCurrency(distributions),
  };
}

export async function insertSale(sql: Db, input: SaleInput): Promise<string> {
  const [sale] = await sql<{ id: string }[]>`
    insert into sales (organization_id, registered_by, name, customer_po_number, order_number, billed, activation_date)
    values (${input.organizationId}, ${input.registeredBy}, ${input.name}, ${input.customerPoNumber ?? null},
            ${input.orderNumber ?? null}, ${input.billed}, ${input.activationDate})
    returning id`;
  const lines = input.lines.map((l, position) => ({ saleId: sale!.id, position, ...l }));
  await sql`insert into sale_distributions ${sql(lines as never[])}`;
  return sale!.id;
}

/** A sale in the caller's scope, or undefined (out of scope reads as absent). */
export async function findSale(sql: Db, p: Principal, id: string, opts: { forUpdate?: boolean } = {}): Promise<Sale | undefined> {
  const [row] = await sql<SaleRow[]>`
    ${select(sql)} where s.id = ${id} and ${saleScope(sql, p, 's.organization_id')}
    ${opts.forUpdate ? sql`for update of s` : sql``}`;
  return row && toSale(row);
}

export async function getSale(sql: Db, p: Principal, id: string, opts: { forUpdate?: boolean } = {}): Promise<Sale> {
  const sale = await findSale(sql, p, id, opts);
  if (!sale) throw notFound('Sale');
  return sale;
}

/** Unscoped read for the workflow's activities. */
export async function loadSale(sql: Db, id: string): Promise<Sale | undefined> {
  const [row] = await sql<SaleRow[]>`${select(sql)} where s.id = ${id}`;
  return row && toSale(row);
}

export async function listSales(
  sql: Db,
  p: Principal,
  q: { after?: string; limit: number; status?: SaleStatus; organizationId?: string },
): Promise<Sale[]> {
  const rows = await sql<SaleRow[]>`
    ${select(sql)}
    where ${saleScope(sql, p, 's.organization_id')}
      ${q.status ? sql`and s.status = ${q.status}` : sql``}
      ${q.organizationId ? sql`and s.organization_id = ${q.organizationId}` : sql``}
      ${q.after ? sql`and s.id > ${q.after}` : sql``}
    order by s.id limit ${q.limit}`;
  return rows.map(toSale);
}

/** What the workflow's activities need to check and announce a status change. */
export interface SaleHead {
  status: SaleStatus;
  organizationId: string;
  name: string;
  activationDate: string;
  cancellationDate: string;
  decidedBy: string | null;
  registrantId: string;
  registrantEmail: string;
  registrantName: string;
  customerName: string;
}

/** Unscoped, and locks the sale's row until the caller's transaction ends. */
export async function lockSaleHead(sql: Db, saleId: string): Promise<SaleHead | undefined> {
  const [row] = await sql<SaleHead[]>`
    select s.status, s.organization_id, s.name, s.activation_date::text as activation_date,
           s.cancellation_date::text as cancellation_date, s.decided_by,
           u.id as registrant_id, u.email as registrant_email, u.name as registrant_name, o.name as customer_name
    from sales s join users u on u.id = s.registered_by join organizations o on o.id = s.organization_id
    where s.id = ${saleId} for update of s`;
  return row;
}

/** A status change with what it records beside the status. */
export type SaleStatusChange =
  | { status: 'approved'; decidedBy: string; at: Date }
  | { status: 'rejected'; decidedBy: string; reason: string; at: Date }
  | { status: 'active'; at: Date }
  | { status: 'cancelled'; at: Date; cancelledBy?: string; reason?: string };

/**
 * The only writer of `sales.status`. The sale's workflow owns its transitions and calls this from
 * its activities, inside the transaction that checked the transition against src/domain/sales/lifecycle.ts.
 */
export async function writeSaleStatus(sql: Db, saleId: string, change: SaleStatusChange): Promise<void> {
  const columns: Record<string, unknown> = {
    status: change.status,
    ...(change.status === 'approved' && { decidedBy: change.decidedBy, decidedAt: change.at }),
    ...(change.status === 'rejected' && { rejectionReason: change.reason, decidedBy: change.decidedBy, decidedAt: change.at }),
    ...(change.status === 'active' && { activatedAt: change.at }),
    ...(change.status === 'cancelled' && { cancelledAt: change.at }),
    ...(change.status === 'cancelled' && change.cancelledBy && { cancelledBy: change.cancelledBy, cancellationReason: change.reason }),
  };
  await sql`update sales set ${sql(columns as Record<string, never>)}, updated_at = now() where id = ${saleId}`;
}

export type SalePatch = Partial<Pick<SaleInput, 'name' | 'customerPoNumber' | 'orderNumber' | 'billed' | 'activationDate'>>;

/** The descriptive fields and the activation date; never the status (see writeSaleStatus). */
export async function updateSaleFields(sql: Db, id: string, patch: SalePatch): Promise<void> {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await sql`update sales set ${sql(set as Record<string, never>)}, updated_at = now() where id = ${id}`;
}

export interface Comment {
  id: string;
  text: string;
  authorId: string;
  createdAt: Date;
}

export async function insertComment(sql: Db, saleId: string, authorId: string, text: string): Promise<Comment> {
  const [row] = await sql<Comment[]>`
    insert into sale_comments (sale_id, author_id, text) values (${saleId}, ${authorId}, ${text})
    returning id, text, author_id, created_at`;
  return row!;
}

export async function listComments(sql: Db, saleId: string): Promise<Comment[]> {
  return sql<Comment[]>`
    select id, text, author_id, created_at from sale_comments where sale_id = ${saleId} order by created_at, id`;
}
