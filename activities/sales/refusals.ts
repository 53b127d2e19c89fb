import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../src/db/connect';
import { SaleFailure, type SaleFailureType } from '../../src/domain/sales/failures';
import { lockSaleHead, type SaleHead } from '../../src/repos/sales/sales';

/** A refusal no retry can change: the workflow answers it to the update's caller as it is. */
export const refuse = (type: SaleFailureType, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** Refuses as INVALID_STATE when a rule of src/domain/sales/lifecycle.ts answered why not. */
export function refuseIf(why: string | null): void {
  if (why) throw refuse(SaleFailure.INVALID_STATE, why);
}

/** The sale's head, locked until the transaction ends; a sale that does not exist is refused. */
export async function lockSale(tx: Db, saleId: string): Promise<SaleHead> {
  const head = await lockSaleHead(tx, saleId);
  if (!head) throw refuse(SaleFailure.NOT_FOUND, `sale ${saleId} not found`);
  return head;
}

/** How the audit trail names the workflow acting on its own (timers, not a person). */
export const workflowActor = (saleId: string) => `workflow:sale-${saleId}`;
