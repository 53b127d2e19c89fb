import { startOfDateUtc } from '../../src/domain/sales/dates';
import { SaleFailure } from '../../src/domain/sales/failures';
import { keyExpiry } from '../../src/domain/sales/keys';
import { issuesKeys, launchRefusal } from '../../src/domain/sales/lifecycle';
import { newLicenceKey } from '../../src/domain/tokens';
import { recordEvent } from '../../src/platform/events';
import { recordAudit } from '../../src/repos/audit';
import { findUserKey, insertUserKey, lockLineForKeyIssue, nextKeyRenewal, renewDueKeys, type SaleKeyRow } from '../../src/repos/sales/sale-keys';
import type { IssuedKey } from '../../workflows/sales/sale-definitions';
import type { ActivityDeps } from '../deps';
import { lockSale, refuse, refuseIf, workflowActor } from './refusals';

const toIssued = (k: SaleKeyRow, created: boolean): IssuedKey => ({
  id: k.id,
  key: k.key,
  userEmail: k.userEmail,
  distributionId: k.distributionId,
  issuedAt: k.issuedAt.toISOString(),
  expiresAt: k.expiresAt.toISOString(),
  created,
});

/** The sale's licence keys: issued on a first launch, renewed before they expire. Safe to retry. */
export function createSaleKeyActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    /** The user's key for a line of an active sale: the existing one, or a new one on a free seat. */
    async issueSaleKey(i: { saleId: string; saleDistributionId: string; userEmail: string; actorId: string; at: string }): Promise<IssuedKey> {
      const existing = await findUserKey(sql, i.saleDistributionId, i.userEmail);
      if (existing) return toIssued(existing, false);
      return sql.begin(async (tx) => {
        const line = await lockLineForKeyIssue(tx, i.saleId, i.saleDistributionId);
        if (!line) throw refuse(SaleFailure.NOT_FOUND, 'Distribution not found on this sale');
        refuseIf(launchRefusal(line.status));
        const issuedAt = new Date(i.at);
        const saleEndsAt = startOfDateUtc(line.cancellationDate);
        const result = await insertUserKey(tx, {
          saleId: i.saleId,
          lineId: i.saleDistributionId,
          userEmail: i.userEmail,
          key: newLicenceKey(),
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
        await recordEvent(tx, {
          type: 'key.issued', organizationId: line.organizationId,
          data: { saleId: i.saleId, organizationId: line.organizationId, keyId: k.id, userEmail: k.userEmail, expiresAt: k.expiresAt.toISOString() },
        });
        return toIssued(k, true);
      });
    },

    /** Renews every key due (set-based) and answers when the next one falls due. */
    async renewSaleKeys(i: { saleId: string; at: string }): Promise<{ renewed: number; nextExpiry: string | null }> {
      return sql.begin(async (tx) => {
        const s = await lockSale(tx, i.saleId);
        const active = issuesKeys(s.status);
        const renewed = active ? await renewDueKeys(tx, i.saleId, new Date(i.at)) : 0;
        if (renewed > 0) {
          await recordAudit(tx, { actor: workflowActor(i.saleId), entity: 'sale', entityId: i.saleId, action: 'renew_keys', organizationId: s.organizationId, after: { renewed, at: i.at } });
          await recordEvent(tx, { type: 'key.renewed', organizationId: s.organizationId, data: { saleId: i.saleId, organizationId: s.organizationId, renewed } });
        }
        const next = active ? await nextKeyRenewal(tx, i.saleId) : null;
        return { renewed, nextExpiry: next?.toISOString() ?? null };
      });
    },
  };
}
