import type { Db } from '../../db/connect';
import type { ClaimStatus, ClaimVia } from '../../domain/groups/claims';

export interface AccessClaim {
  id: string;
  groupId: string;
  email: string;
  name: string;
  via: ClaimVia;
  status: ClaimStatus;
  codeHash: Buffer | null;
  codeExpiresAt: Date | null;
  attempts: number;
  subscriptionId: string | null;
  createdAt: Date;
}

const columns = (sql: Db) => sql`id, group_id, email, name, via, status, code_hash, code_expires_at, attempts, subscription_id, created_at`;

export async function insertClaim(
  sql: Db,
  c: { id: string; groupId: string; email: string; name: string; via: AccessClaim['via']; clientIp: string; status: AccessClaim['status']; codeHash?: Buffer | null; codeExpiresAt?: Date | null; subscriptionId?: string | null },
): Promise<AccessClaim> {
  const [row] = await sql<AccessClaim[]>`
    insert into access_claims (id, group_id, email, name, via, client_ip, status, code_hash, code_expires_at, subscription_id, granted_at)
    values (${c.id}, ${c.groupId}, ${c.email.toLowerCase()}, ${c.name}, ${c.via}, ${c.clientIp}, ${c.status}, ${c.codeHash ?? null},
            ${c.codeExpiresAt ?? null}, ${c.subscriptionId ?? null}, ${c.status === 'granted' ? sql`now()` : null})
    returning ${columns(sql)}`;
  return row!;
}

export async function claimById(sql: Db, id: string): Promise<AccessClaim | undefined> {
  const [row] = await sql<AccessClaim[]>`select ${columns(sql)} from access_claims where id = ${id}`;
  return row;
}

/** How many codes were sent to this address for this group lately (to stop mail bombing). */
export async function recentClaims(sql: Db, groupId: string, email: string, sinceMs: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from access_claims
    where group_id = ${groupId} and lower(email) = ${email.toLowerCase()} and via = 'email_domain'
      and created_at > now() - make_interval(secs => ${sinceMs / 1000})`;
  return row!.n;
}

/** Counts an attempt while the claim is open; locks it on the last allowed one. Undefined once closed. */
export async function countAttempt(sql: Db, id: string, maxAttempts: number): Promise<AccessClaim | undefined> {
  const [row] = await sql<AccessClaim[]>`
    update access_claims set attempts = attempts + 1
    where id = ${id} and status = 'verifying' and attempts < ${maxAttempts}
    returning ${columns(sql)}`;
  return row;
}

export async function lockClaim(sql: Db, id: string): Promise<boolean> {
  const rows = await sql`update access_claims set status = 'locked' where id = ${id} and status = 'verifying' returning 1`;
  return rows.length > 0;
}

export async function grantClaim(sql: Db, id: string, subscriptionId: string): Promise<boolean> {
  const rows = await sql`
    update access_claims set status = 'granted', subscription_id = ${subscriptionId}, granted_at = now()
    where id = ${id} and status = 'verifying' returning 1`;
  return rows.length > 0;
}
