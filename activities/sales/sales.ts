import type { Db } from '../../src/db/connect';
import { activationDue, canTake, hasPassed, hasTaken, transitionRefusal } from '../../src/domain/sales/lifecycle';
import type { SaleStatus } from '../../src/domain/sales/types';
import { approvedMail, cancelledEarlyMail, rejectedMail } from '../../src/domain/sales/notifications';
import type { Mail } from '../../src/mail';
import type { NewEvent } from '../../src/domain/events';
import { recordEvent } from '../../src/platform/events';
import { recordAudit } from '../../src/repos/audit';
import { revokeSaleKeys } from '../../src/repos/sales/sale-keys';
import { writeSaleStatus, type SaleHead, type SaleStatusChange } from '../../src/repos/sales/sales';
import type { ActivityDeps } from '../deps';
import { lockSale, refuseIf, workflowActor } from './refusals';

const AUDIT_ACTIONS = { approved: 'approve', rejected: 'reject', active: 'activate', cancelled: 'cancel' } as const;

/** What a partner's system learns of a status change: the sale.* event, in the same transaction. */
function saleEvent(saleId: string, organizationId: string, change: SaleStatusChange, keysRevoked: number): NewEvent {
  const ref = { saleId, organizationId, status: change.status };
  switch (change.status) {
    case 'approved':
      return { type: 'sale.approved', organizationId, data: ref };
    case 'rejected':
      return { type: 'sale.rejected', organizationId, data: { ...ref, reason: change.reason } };
    case 'active':
      return { type: 'sale.activated', organizationId, data: ref };
    case 'cancelled':
      return { type: 'sale.cancelled', organizationId, data: { ...ref, keysRevoked } };
  }
}

/** Writes the status change, its audit entry and its event, in the caller's transaction. */
async function changeStatus(tx: Db, saleId: string, before: SaleHead, change: SaleStatusChange, actor: string, details: Record<string, unknown> = {}) {
  await writeSaleStatus(tx, saleId, change);
  await recordAudit(tx, {
    actor, entity: 'sale', entityId: saleId, action: AUDIT_ACTIONS[change.status], organizationId: before.organizationId,
    before: { status: before.status }, after: { status: change.status, ...details },
  });
  await recordEvent(tx, saleEvent(saleId, before.organizationId, change, typeof details.keysRevoked === 'number' ? details.keysRevoked : 0));
}

const registrant = (s: SaleHead) => ({ id: s.registrantId, name: s.registrantName, email: s.registrantEmail });

/**
 * The sale's status transitions, which the sale workflow owns. Each is safe to run again (a retry
 * after a lost answer, or a `temporal workflow reset` to before it): it checks the state it is
 * about to change (src/domain/sales/lifecycle.ts), and when the work is done already it changes
 * nothing and answers the status the database records, which the workflow then follows.
 */
export function createSaleTransitionActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    /**
     * Pending → approved; answers the notification for the registering user and the status the
     * sale has now (`approved`, or further on when this approval was recorded before).
     */
    async recordSaleApproval(i: { saleId: string; userId: string; at: string }): Promise<{ notification: Mail; status: SaleStatus }> {
      return sql.begin(async (tx) => {
        const s = await lockSale(tx, i.saleId);
        const already = hasPassed('approve', s.status) && s.decidedBy === i.userId;
        if (!already) {
          refuseIf(transitionRefusal('approve', s.status));
          await changeStatus(tx, i.saleId, s, { status: 'approved', decidedBy: i.userId, at: new Date(i.at) }, `user:${i.userId}`);
        }
        return { notification: approvedMail({ id: i.saleId, ...s }, registrant(s)), status: already ? s.status : 'approved' };
      });
    },

    /** Pending → rejected with the reason; answers the notification for the registering user and the status. */
    async recordSaleRejection(i: { saleId: string; userId: string; reason: string; at: string }): Promise<{ notification: Mail; status: SaleStatus }> {
      return sql.begin(async (tx) => {
        const s = await lockSale(tx, i.saleId);
        const already = hasPassed('reject', s.status) && s.decidedBy === i.userId;
        if (!already) {
          refuseIf(transitionRefusal('reject', s.status));
          await changeStatus(tx, i.saleId, s, { status: 'rejected', decidedBy: i.userId, reason: i.reason, at: new Date(i.at) }, `user:${i.userId}`, { reason: i.reason });
        }
        return { notification: rejectedMail({ id: i.saleId, name: s.name, customerName: s.customerName }, registrant(s), i.reason), status: 'rejected' };
      });
    },

    /**
     * Approved → active once the activation date has come. When a PATCH moved the date while the
     * timer ran, answers the date the database holds instead. `status` is the sale's status now
     * (`active`, or `cancelled` when it was activated and has ended since).
     */
    async activateSale(i: { saleId: string; at: string }): Promise<{ activated: boolean; activationDate: string; status: SaleStatus }> {
      return sql.begin(async (tx) => {
        const s = await lockSale(tx, i.saleId);
        if (hasPassed('activate', s.status)) return { activated: true, activationDate: s.activationDate, status: s.status };
        refuseIf(transitionRefusal('activate', s.status));
        if (!activationDue(s.activationDate, new Date(i.at))) return { activated: false, activationDate: s.activationDate, status: s.status };
        await changeStatus(tx, i.saleId, s, { status: 'active', at: new Date(i.at) }, workflowActor(i.saleId));
        return { activated: true, activationDate: s.activationDate, status: 'active' };
      });
    },

    /**
     * Active → cancelled before the cancellation date by an admin, with a reason; every key is
     * revoked with it. Answers the registrant's notification (again on a retry).
     */
    async cancelSaleEarly(i: { saleId: string; userId: string; reason: string; at: string }): Promise<{ revoked: number; notification: Mail }> {
      return sql.begin(async (tx) => {
        const s = await lockSale(tx, i.saleId);
        if (!hasTaken('cancel', s.status)) refuseIf(transitionRefusal('cancel', s.status));
        const at = new Date(i.at);
        const revoked = await revokeSaleKeys(tx, i.saleId, at);
        if (canTake('cancel', s.status)) {
          await changeStatus(tx, i.saleId, s, { status: 'cancelled', at, cancelledBy: i.userId, reason: i.reason }, `user:${i.userId}`, { keysRevoked: revoked, reason: i.reason, early: true });
        }
        return { revoked, notification: cancelledEarlyMail({ id: i.saleId, name: s.name, customerName: s.customerName }, registrant(s), i.reason) };
      });
    },

    /**
     * Active → cancelled at the cancellation date (or at once, when ops cancel the workflow from
     * Temporal: `cause` says so in the audit entry); every key is revoked with it.
     */
    async cancelSale(i: { saleId: string; at: string; cause?: string }): Promise<{ revoked: number }> {
      return sql.begin(async (tx) => {
        const s = await lockSale(tx, i.saleId);
        if (!hasTaken('cancel', s.status)) refuseIf(transitionRefusal('cancel', s.status));
        const at = new Date(i.at);
        const revoked = await revokeSaleKeys(tx, i.saleId, at);
        if (canTake('cancel', s.status)) {
          await changeStatus(tx, i.saleId, s, { status: 'cancelled', at }, workflowActor(i.saleId), { keysRevoked: revoked, ...(i.cause && { cause: i.cause }) });
        }
        return { revoked };
      });
    },
  };
}
