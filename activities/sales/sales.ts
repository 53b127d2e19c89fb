import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../src/db/connect';
import { startOfDateUtc, todayUtc } from '../../src/domain/sales/dates';
import { keyExpiry } from '../../src/domain/sales/keys';
import { randomUrlToken } from '../../src/domain/tokens';
import type { Mail } from '../../src/mail';
import { recordAudit } from '../../src/repos/audit';
import { findUserKey, insertUserKey, nextKeyRenewal, renewDueKeys, revokeSaleKeys, type SaleKeyRow } from '../../src/repos/sales/sale-keys';
import type { SaleStatus } from '../../src/domain/sales/types';
import { SaleFailure, type IssuedKey } from '../../workflows/sales/sale-definitions';
import type { ActivityDeps } from '../deps';

const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
const workflowActor = (saleId: string) => `workflow:sale-${saleId}`;

const toIssued = (k: SaleKeyRow, created: boolean): IssuedKey => ({
  id: k.id,
  key: k.key,
  userEmail: k.userEmail,
  distributionId: k.distributionId,
  issuedAt: k.issuedAt.toISOString(),
  expiresAt: k.expiresAt.toISOString(),
  created,
});

interface SaleHead {
  status: SaleStatus;
  organizationId: string;
  name: string;
  activationDate: string;
  cancellationDate: string;
  decidedBy: string | null;
  registrantEmail: string;
  registrantName: string;
}

/**
 * The sale workflow's I/O. Each activity is safe to retry: it checks the state it is about to
 * change, so a second attempt after a lost answer finds the work done and reports it again.
 */
export function createSalesActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  const head = async (tx: Db, saleId: string) => {
    const [row] = await tx<SaleHead[]>`
      select s.status, s.organization_id, s.name, s.activation_date::text as activation_date,
             s.cancellation_date::text as cancellation_date, s.decided_by,
             u.email as registrant_email, u.name as registrant_name
      from sales s join users u on u.id = s.registered_by where s.id = ${saleId} for update of s`;
    if (!row) throw refuse(SaleFailure.NOT_FOUND, `sale ${saleId} not found`);
    return row;
  };

  return {
    /** Pending → approved; answers the notification for the registering user. */
    async recordSaleApproval(i: { saleId: string; userId: string; at: string }): Promise<{ notification: Mail }> {
      return sql.begin(async (tx) => {
        const s = await head(tx, i.saleId);
        const already = s.status === 'approved' && s.decidedBy === i.userId;
        if (!already) {
          if (s.status !== 'pending_approval') throw refuse(SaleFailure.INVALID_STATE, `The sale is ${s.status}, not pending approval`);
          await tx`update sales set status = 'approved', decided_by = ${i.userId}, decided_at = ${new Date(i.at)}, updated_at = now() where id = ${i.saleId}`;
          await recordAudit(tx, { actor: `user:${i.userId}`, entity: 'sale', entityId: i.saleId, action: 'approve', organizationId: s.organizationId, before: { status: s.status }, after: { status: 'approved' } });
        }
        return {
          notification: {
            to: s.registrantEmail,
            subject: `Sale approved: ${s.name}`,
            text:
              `Hello ${s.registrantName},\n\nyour sale "${s.name}" has been approved.\n` +
              `It becomes active on ${s.activationDate} and ends on ${s.cancellationDate}.\n`,
          },
        };
      });
    },

    async recordSaleRejection(i: { saleId: string; userId: string; reason: string; at: string }): Promise<void> {
      await sql.begin(async (tx) => {
        const s = await head(tx, i.saleId);
        if (s.status === 'rejected' && s.decidedBy === i.userId) return;
        if (s.status !== 'pending_approval') throw refuse(SaleFailure.INVALID_STATE, `The sale is ${s.status}, not pending approval`);
        await tx`
          update sales set status = 'rejected', rejection_reason = ${i.reason}, decided_by = ${i.userId}, decided_at = ${new Date(i.at)}, updated_at = now()
          where id = ${i.saleId}`;
        await recordAudit(tx, { actor: `user:${i.userId}`, entity: 'sale', entityId: i.saleId, action: 'reject', organizationId: s.organizationId, before: { status: s.status }, after: { status: 'rejected', reason: i.reason } });
      });
    },

    /**
     * Approved → active once the activation date has come. When a PATCH moved the date while the
     * timer ran, answers the date the database holds instead.
     */
    async activateSale(i: { saleId: string; at: string }): Promise<{ activated: boolean; activationDate: string }> {
      return sql.begin(async (tx) => {
        const s = await head(tx, i.saleId);
        if (s.status === 'active') return { activated: true, activationDate: s.activationDate };
        if (s.status !== 'approved') throw refuse(SaleFailure.INVALID_STATE, `The sale is ${s.status}, not approved`);
        if (s.activationDate > todayUtc(new Date(i.at))) return { activated: false, activationDate: s.activationDate };
        await tx`update sales set status = 'active', activated_at = ${new Date(i.at)}, updated_at = now() where id = ${i.saleId}`;
        await recordAudit(tx, { actor: workflowActor(i.saleId), entity: 'sale', entityId: i.saleId, action: 'activate', organizationId: s.organizationId, before: { status: s.status }, after: { status: 'active' } });
        return { activated: true, activationDate: s.activationDate };
      });
    },

    /** The user's key for a line of an active sale: the existing one, or a new one on a free seat. */
    async issueSaleKey(i: { saleId: string; saleDistributionId: string; userEmail: string; actorId: string; at: string }): Promise<IssuedKey> {
      const existing = await findUserKey(sql, i.saleDistributionId, i.userEmail);
      if (existing) return toIssued(existing, false);
      return sql.begin(async (tx) => {
        const [line] = await tx<{ keyLengthDays: number; status: SaleStatus; organizationId: string; cancellationDate: string }[]>`
          select l.key_length_days, s.status, s.organization_id, s.cancellation_date::text as cancellation_date
          from sale_distributions l join sales s on s.id = l.sale_id
          where l.id = ${i.saleDistributionId} and l.sale_id = ${i.saleId}
          for share of s`;
        if (!line) throw refuse(SaleFailure.NOT_FOUND, 'Distribution not found on this sale');
        if (line.status !== 'active') throw refuse(SaleFailure.INVALID_STATE, `The sale is ${line.status}, not active`);
        const issuedAt = new Date(i.at);
        const saleEndsAt = startOfDateUtc(line.cancellationDate);
        const result = await insertUserKey(tx, {
          saleId: i.saleId,
          lineId: i.saleDistributionId,
          userEmail: i.userEmail,
          key: randomUrlToken(24),
          issuedAt,
          expiresAt: keyExpiry(issuedAt, line.keyLengthDays, saleEndsAt),
          saleEndsAt,
        });
        if (result.outcome === 'exhausted') throw refuse(SaleFailure.SEATS_EXHAUSTED, 'Every seat of this distribution has a key');
        if (result.outcome !== 'issued') return toIssued((await findUserKey(tx, i.saleDistributionId, i.userEmail))!, false);
        const k = result.key;
        await recordAudit(tx, {
          actor: `user:${i.actorId}`, entity: 'sale', entityId: i.saleId, action: 'issue_key', organizationId: line.organizationId,
          after: { keyId: k.id, userEmail: k.userEmail, distributionId: k.distributionId, expiresAt: k.expiresAt },
        });
        return toIssued(k, true);
      });
    },

    /** Renews every key due (set-based) and answers when the next one falls due. */
    async renewSaleKeys(i: { saleId: string; at: string }): Promise<{ renewed: number; nextExpiry: string | null }> {
      return sql.begin(async (tx) => {
        const s = await head(tx, i.saleId);
        const renewed = s.status === 'active' ? await renewDueKeys(tx, i.saleId, new Date(i.at)) : 0;
        if (renewed > 0) {
          await recordAudit(tx, { actor: workflowActor(i.saleId), entity: 'sale', entityId: i.saleId, action: 'renew_keys', organizationId: s.organizationId, after: { renewed, at: i.at } });
        }
        const next = s.status === 'active' ? await nextKeyRenewal(tx, i.saleId) : null;
        return { renewed, nextExpiry: next?.toISOString() ?? null };
      });
    },

    /** Active → cancelled at the cancellation date; every key is revoked with it. */
    async cancelSale(i: { saleId: string; at: string }): Promise<{ revoked: number }> {
      return sql.begin(async (tx) => {
        const s = await head(tx, i.saleId);
        if (s.status !== 'active' && s.status !== 'cancelled') throw refuse(SaleFailure.INVALID_STATE, `The sale is ${s.status}, not active`);
        const at = new Date(i.at);
        const revoked = await revokeSaleKeys(tx, i.saleId, at);
        if (s.status === 'active') {
          await tx`update sales set status = 'cancelled', cancelled_at = ${at}, updated_at = now() where id = ${i.saleId}`;
          await recordAudit(tx, { actor: workflowActor(i.saleId), entity: 'sale', entityId: i.saleId, action: 'cancel', organizationId: s.organizationId, before: { status: s.status }, after: { status: 'cancelled', keysRevoked: revoked } });
        }
        return { revoked };
      });
    },
  };
}

export type SalesActivities = ReturnType<typeof createSalesActivities>;
