import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import { RENEWAL_LEAD_MS } from '../../domain/sales/keys';
import type { SaleStatus } from '../../domain/sales/types';
import type { Principal } from '../../domain/principal';
import { saleScope } from './sales';
import { claimWaitingSeat, lockLineSeats } from './seat-moves';

export interface SaleKeyRow {
  id: string;
  saleId: string;
  distributionId: string;
  key: string;
  userEmail: string;
  issuedAt: Date;
  expiresAt: Date;
  renewals: number;
  renewedAt: Date | null;
  revokedAt: Date | null;
  /** Why an admin revoked this key alone (null when the sale's cancellation revoked it). */
  revocationReason: string | null;
}

const columns = (sql: Db) => sql`
  k.id, k.sale_id, l.distribution_id, k.key, k.user_email, k.issued_at, k.expires_at, k.renewals, k.renewed_at, k.revoked_at, k.revocation_reason`;

export async function findUserKey(sql: Db, lineId: string, userEmail: string): Promise<SaleKeyRow | undefined> {
  const [row] = await sql<SaleKeyRow[]>`
    select ${columns(sql)} from sale_keys k join sale_distributions l on l.id = k.sale_distribution_id
    where k.sale_distribution_id = ${lineId} and lower(k.user_email) = lower(${userEmail})`;
  return row;
}

/** What issuing a key on a line needs to know of it and its sale. */
export interface KeyIssueLine {
  keyLengthDays: number;
  status: SaleStatus;
  organizationId: string;
  cancellationDate: string;
}

/** The line of the sale, its sale's row share-locked so its status cannot change before the key is in. */
export async function lockLineForKeyIssue(sql: Db, saleId: string, lineId: string): Promise<KeyIssueLine | undefined> {
  const [line] = await sql<KeyIssueLine[]>`
    select l.key_length_days, s.status, s.organization_id, s.cancellation_date::text as cancellation_date
    from sale_distributions l join sales s on s.id = l.sale_id
    where l.id = ${lineId} and l.sale_id = ${saleId}
    for share of s`;
  return line;
}

/**
 * Inserts the user's key and takes a seat for it, in the caller's transaction: the seat an admin
 * moved to this user if one waits (already counted in seats_used), else a free one. `exists`: the
 * user already has a key (a concurrent first launch of the same user included); `exhausted`: every
 * seat is taken and the caller must roll back the transaction.
 */
export async function insertUserKey(
  sql: Db,
  k: { saleId: string; lineId: string; userEmail: string; key: string; issuedAt: Date; expiresAt: Date; saleEndsAt: Date },
): Promise<{ outcome: 'issued'; key: SaleKeyRow } | { outcome: 'exists' | 'exhausted' }> {
  // Seat moves lock the line too: a move and a key issue on one line never interleave.
  await lockLineSeats(sql, k.lineId);
  const [inserted] = await sql<{ id: string }[]>`
    insert into sale_keys (sale_id, sale_distribution_id, key, user_email, issued_at, expires_at, sale_ends_at)
    values (${k.saleId}, ${k.lineId}, ${k.key}, ${k.userEmail}, ${k.issuedAt}, ${k.expiresAt}, ${k.saleEndsAt})
    on conflict (sale_distribution_id, lower(user_email)) do nothing
    returning id`;
  if (!inserted) return { outcome: 'exists' };
  if (await claimWaitingSeat(sql, k.lineId, k.userEmail, inserted.id)) {
    return { outcome: 'issued', key: (await findUserKey(sql, k.lineId, k.userEmail))! };
  }
  // The check constraint seats_used <= number_of_users backs this conditional update.
  const seat = await sql`
    update sale_distributions set seats_used = seats_used + 1
    where id = ${k.lineId} and seats_used < number_of_users returning id`;
  if (seat.length === 0) return { outcome: 'exhausted' };
  return { outcome: 'issued', key: (await findUserKey(sql, k.lineId, k.userEmail))! };
}

export async function listSaleKeys(
  sql: Db,
  saleId: string,
  page: { after?: string; limit: number; distributionId?: string; userEmail?: string },
): Promise<SaleKeyRow[]> {
  return selectKeys(sql, sql<postgres.Row[]>`k.sale_id = ${saleId}`, page);
}

/**
 * Keys across every sale in the caller's scope (the sales they may read): one user's keys
 * wherever they were issued. Same filters and order as one sale's list.
 */
export async function listKeysInScope(
  sql: Db,
  p: Principal,
  page: { after?: string; limit: number; distributionId?: string; userEmail?: string; saleId?: string },
): Promise<SaleKeyRow[]> {
  const inScope: postgres.PendingQuery<postgres.Row[]> = sql`k.sale_id in (select s.id from sales s where ${saleScope(sql, p, 's.organization_id')})`;
  return selectKeys(sql, page.saleId ? sql<postgres.Row[]>`k.sale_id = ${page.saleId} and ${inScope}` : inScope, page);
}

async function selectKeys(
  sql: Db,
  where: postgres.PendingQuery<postgres.Row[]>,
  page: { after?: string; limit: number; distributionId?: string; userEmail?: string },
): Promise<SaleKeyRow[]> {
  return sql<SaleKeyRow[]>`
    select ${columns(sql)} from sale_keys k join sale_distributions l on l.id = k.sale_distribution_id
    where ${where}
      ${page.distributionId ? sql`and l.distribution_id = ${page.distributionId}` : sql``}
      ${page.userEmail ? sql`and lower(k.user_email) = lower(${page.userEmail})` : sql``}
      ${page.after ? sql`and k.id > ${page.after}` : sql``}
    order by k.id limit ${page.limit}`;
}

/**
 * Renews, in one statement, every live key of the sale that expires before the sale ends and is
 * due within the renewal lead of `at`: another keyLengthDays from its old expiry, capped at the
 * sale's end. Repeats while keys stay due (a worker that was down long). The SQL mirrors
 * renewalAt in src/domain/sales/keys.ts; tests/sales/renewal-sql.e2e.test.ts runs one against the other.
 */
export async function renewDueKeys(sql: Db, saleId: string, at: Date): Promise<number> {
  const horizon = new Date(at.getTime() + RENEWAL_LEAD_MS);
  let total = 0;
  for (;;) {
    const rows = await sql`
      update sale_keys k set
        expires_at = least(k.expires_at + make_interval(hours => 24 * l.key_length_days), k.sale_ends_at),
        renewals = k.renewals + 1,
        renewed_at = ${at}
      from sale_distributions l
      where l.id = k.sale_distribution_id and k.sale_id = ${saleId} and k.revoked_at is null
        and k.expires_at < k.sale_ends_at and k.expires_at <= ${horizon}
      returning k.id`;
    total += rows.length;
    if (rows.length === 0) return total;
  }
}

/** The earliest expiry of a live key that will need renewing, or null. */
export async function nextKeyRenewal(sql: Db, saleId: string): Promise<Date | null> {
  const [row] = await sql<{ next: Date | null }[]>`
    select min(expires_at) as next from sale_keys
    where sale_id = ${saleId} and revoked_at is null and expires_at < sale_ends_at`;
  return row?.next ?? null;
}

export async function revokeSaleKeys(sql: Db, saleId: string, at: Date): Promise<number> {
  const rows = await sql`
    update sale_keys set revoked_at = ${at} where sale_id = ${saleId} and revoked_at is null returning id`;
  return rows.length;
}

export async function findKeyBySecret(sql: Db, key: string): Promise<Pick<SaleKeyRow, 'key' | 'expiresAt' | 'revokedAt'> | undefined> {
  const [row] = await sql<SaleKeyRow[]>`select key, expires_at, revoked_at from sale_keys where key = ${key}`;
  return row;
}

/** A key of the sale, locked until the transaction ends. */
export async function lockSaleKey(sql: Db, saleId: string, keyId: string): Promise<SaleKeyRow | undefined> {
  const [row] = await sql<SaleKeyRow[]>`
    select ${columns(sql)} from sale_keys k join sale_distributions l on l.id = k.sale_distribution_id
    where k.id = ${keyId} and k.sale_id = ${saleId} for update of k`;
  return row;
}

/** Revokes one key (once: a repeat keeps the first time, who and why); its seat stays with it. */
export async function revokeUserKey(sql: Db, keyId: string, by: string, reason: string): Promise<void> {
  await sql`update sale_keys set revoked_at = now(), revoked_by = ${by}, revocation_reason = ${reason} where id = ${keyId} and revoked_at is null`;
}
