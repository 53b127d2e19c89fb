import { actorOf, type Principal } from '../domain/principal';
import { LimitedUse, secretSubject } from '../domain/rate-limits';
import { SaleFailure } from '../domain/sales/failures';
import { launchRefusal } from '../domain/sales/lifecycle';
import { AppError, notFound } from '../errors';
import { limitUse } from '../platform/rate-limits';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { findKeyBySecret, findUserKey, listKeysInScope, listSaleKeys as readSaleKeys, lockSaleKey, revokeUserKey, type SaleKeyRow } from '../repos/sales/sale-keys';
import { getSale, type Sale } from '../repos/sales/sales';
import { launchThroughWorkflow } from './workflow';

export type { SaleKeyRow };

function lineFor(sale: Sale, distributionId: string | undefined) {
  if (distributionId === undefined) {
    if (sale.distributions.length === 1) return sale.distributions[0]!;
    throw new AppError('VALIDATION_FAILED', 'Invalid body: distributionId', { errors: [{ path: 'distributionId', message: 'required: the sale has several distributions' }] });
  }
  const line = sale.distributions.find((l) => l.distributionId === distributionId);
  if (!line) throw notFound('Distribution on this sale');
  return line;
}

/**
 * A user of the customer launches a test: their key on the line, issued through the workflow
 * (which issues every key) on the first launch. A relaunch changes nothing, so it is answered from
 * the database without touching the workflow's history.
 */
export async function launchSaleKey(
  s: Pick<Services, 'sql' | 'temporal'>,
  p: Principal,
  saleId: string,
  input: { userEmail: string; distributionId?: string },
): Promise<{ key: SaleKeyRow; created: boolean }> {
  const sale = await getSale(s.sql, p, saleId);
  const refusal = launchRefusal(sale.status);
  if (refusal) throw new AppError(SaleFailure.INVALID_STATE, refusal);
  const line = lineFor(sale, input.distributionId);
  const existing = await findUserKey(s.sql, line.id, input.userEmail);
  if (existing) return { key: existing, created: false };
  const issued = await launchThroughWorkflow(s, saleId, { saleDistributionId: line.id, userEmail: input.userEmail, actorId: p.userId });
  return { key: (await findUserKey(s.sql, line.id, issued.userEmail))!, created: issued.created };
}

export async function listSaleKeys(
  s: Pick<Services, 'sql'>,
  p: Principal,
  saleId: string,
  q: { after?: string; limit: number; distributionId?: string; userEmail?: string },
): Promise<SaleKeyRow[]> {
  await getSale(s.sql, p, saleId);
  return readSaleKeys(s.sql, saleId, q);
}

/** Keys across every sale the caller may read (a manager: sales of their organizations), e.g. one user's. */
export async function listKeys(
  s: Pick<Services, 'sql'>,
  p: Principal,
  q: { after?: string; limit: number; userEmail?: string; saleId?: string; distributionId?: string },
): Promise<SaleKeyRow[]> {
  return listKeysInScope(s.sql, p, q);
}

/** The public check of a key: nothing but the key itself is looked at. */
export async function findKey(s: Pick<Services, 'sql' | 'config'>, key: string): Promise<Pick<SaleKeyRow, 'key' | 'expiresAt' | 'revokedAt'>> {
  const k = await findKeyBySecret(s.sql, key);
  if (!k) throw notFound('Key');
  await limitUse(s, LimitedUse.LICENCE_KEY, secretSubject(key));
  return k;
}

/**
 * Admin only: one user's key stops at once (the public check answers it "revoked"), with a
 * reason. The seat stays with the key, so the user's relaunch answers the revoked key and no new
 * one. Any sale status; a repeat answers the key as it is.
 */
export async function revokeSaleKey(s: Pick<Services, 'sql'>, p: Principal, saleId: string, keyId: string, reason: string): Promise<SaleKeyRow> {
  return s.sql.begin(async (tx) => {
    const sale = await getSale(tx, p, saleId);
    const key = await lockSaleKey(tx, saleId, keyId);
    if (!key) throw notFound('Key');
    if (key.revokedAt) return key;
    await revokeUserKey(tx, keyId, p.userId, reason);
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'sale', entityId: saleId, action: 'revoke_key', organizationId: sale.organizationId,
      after: { keyId, userEmail: key.userEmail, distributionId: key.distributionId, reason },
    });
    return (await lockSaleKey(tx, saleId, keyId))!;
  });
}
