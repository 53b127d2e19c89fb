import type { Db } from '../db/connect';
import { actorOf, type Principal } from '../domain/principal';
import { SaleFailure } from '../domain/sales/failures';
import { activationDateRefusal } from '../domain/sales/lifecycle';
import type { SaleStatus } from '../domain/sales/types';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { listCustomerPeople } from '../repos/sales/customers';
import { getSale, insertComment, listComments, listSales as readSales, updateSaleFields, type Comment, type Sale, type SalePatch } from '../repos/sales/sales';
import { activationDateChangedSignal } from '../../workflows/sales/sale-definitions';
import { READ_ONLY_ON_PATCH, refuseImmutable, refusePastActivation, type ReadOnlyFields } from './fields';
import { askSale, saleHandle } from './workflow';

export type { Comment, Sale };

/** The sale with its comment thread and the customer's contacts and users. */
export async function saleDetail(sql: Db, p: Principal, id: string) {
  const sale = await getSale(sql, p, id);
  const [comments, contacts, users] = await Promise.all([
    listComments(sql, id),
    listCustomerPeople(sql, 'contacts', sale.organizationId),
    listCustomerPeople(sql, 'users', sale.organizationId),
  ]);
  return { ...sale, comments, contacts, users };
}

export type SaleDetail = Awaited<ReturnType<typeof saleDetail>>;

export function getSaleDetail(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<SaleDetail> {
  return saleDetail(s.sql, p, id);
}

/** Sales in the caller's scope (site approvers: all), by id. */
export function listSales(s: Pick<Services, 'sql'>, p: Principal, q: { after?: string; limit: number; status?: SaleStatus; organizationId?: string }): Promise<Sale[]> {
  return readSales(s.sql, p, q);
}

const auditView = (s: Sale) => ({ name: s.name, customerPoNumber: s.customerPoNumber, orderNumber: s.orderNumber, billed: s.billed, activationDate: s.activationDate, cancellationDate: s.cancellationDate });

export type SaleEdit = SalePatch & ReadOnlyFields<typeof READ_ONLY_ON_PATCH>;

/**
 * Edits the descriptive fields, and the activation date while the sale has not become active.
 * A moved date is signalled to the workflow inside the transaction: if the workflow cannot hear
 * of it, the date does not change. The status is the workflow's, never written here.
 */
export async function updateSale(s: Pick<Services, 'sql' | 'temporal'>, p: Principal, id: string, body: SaleEdit): Promise<SaleDetail> {
  refuseImmutable(body, READ_ONLY_ON_PATCH);
  const { name, customerPoNumber, orderNumber, billed, activationDate } = body;
  await s.sql.begin(async (tx) => {
    const before = await getSale(tx, p, id, { forUpdate: true });
    const moved = activationDate !== undefined && activationDate !== before.activationDate;
    if (moved) {
      const refusal = activationDateRefusal(before.status);
      if (refusal) throw new AppError(SaleFailure.INVALID_STATE, refusal);
      refusePastActivation(activationDate);
    }
    await updateSaleFields(tx, id, { name, customerPoNumber, orderNumber, billed, activationDate });
    const after = await getSale(tx, p, id);
    await recordAudit(tx, { actor: actorOf(p), entity: 'sale', entityId: id, action: 'update', organizationId: after.organizationId, before: auditView(before), after: auditView(after) });
    if (moved) await askSale(() => saleHandle(s, id).signal(activationDateChangedSignal, { activationDate }));
  });
  return saleDetail(s.sql, p, id);
}

/** Anyone who can read the sale may add to its thread. */
export function commentOnSale(s: Pick<Services, 'sql'>, p: Principal, id: string, text: string): Promise<Comment> {
  return s.sql.begin(async (tx) => {
    const sale = await getSale(tx, p, id);
    const created = await insertComment(tx, id, p.userId, text);
    await recordAudit(tx, { actor: actorOf(p), entity: 'sale', entityId: id, action: 'comment', organizationId: sale.organizationId, after: created });
    return created;
  });
}
