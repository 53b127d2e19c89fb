import type { Principal } from '../domain/principal';
import { SaleFailure } from '../domain/sales/failures';
import { transitionRefusal, type SaleTransition } from '../domain/sales/lifecycle';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { getSale } from '../repos/sales/sales';
import { approveSaleUpdate, cancelEarlyUpdate, rejectSaleUpdate } from '../../workflows/sales/sale-definitions';
import { saleDetail, type SaleDetail } from './sales';
import { askSale, saleHandle, type SaleHandle } from './workflow';

/**
 * A decision goes through the workflow's update, which records it; a sale that cannot take it is
 * refused here first, so most refusals never reach the workflow.
 */
async function decide(
  s: Pick<Services, 'sql' | 'temporal'>,
  p: Principal,
  id: string,
  decision: SaleTransition,
  send: (handle: SaleHandle) => Promise<unknown>,
): Promise<SaleDetail> {
  const sale = await getSale(s.sql, p, id);
  const refusal = transitionRefusal(decision, sale.status);
  if (refusal) throw new AppError(SaleFailure.INVALID_STATE, refusal);
  await askSale(() => send(saleHandle(s, id)));
  return saleDetail(s.sql, p, id);
}

/** Pending → approved; the workflow e-mails the registering user. */
export function approveSale(s: Pick<Services, 'sql' | 'temporal'>, p: Principal, id: string): Promise<SaleDetail> {
  return decide(s, p, id, 'approve', (h) => h.executeUpdate(approveSaleUpdate, { args: [{ userId: p.userId }] }));
}

/** Pending → rejected with a reason; the lifecycle ends. */
export function rejectSale(s: Pick<Services, 'sql' | 'temporal'>, p: Principal, id: string, reason: string): Promise<SaleDetail> {
  return decide(s, p, id, 'reject', (h) => h.executeUpdate(rejectSaleUpdate, { args: [{ userId: p.userId, reason }] }));
}

/**
 * Admin only: an active sale ends now instead of at its cancellation date, with a reason. The
 * sale's workflow records it, revokes every key and e-mails the registering user; the answer
 * comes once the sale is cancelled.
 */
export function cancelSaleEarly(s: Pick<Services, 'sql' | 'temporal'>, p: Principal, id: string, reason: string): Promise<SaleDetail> {
  return decide(s, p, id, 'cancel', (h) => h.executeUpdate(cancelEarlyUpdate, { args: [{ userId: p.userId, reason }] }));
}
