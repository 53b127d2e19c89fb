import type { Db } from '../db/connect';

export interface IdempotencyRecord {
  principal: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  state: 'in_progress' | 'done';
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  createdAt: Date;
}

/** Claims a key; returns the existing record when someone claimed it first. */
export async function claimIdempotencyKey(
  sql: Db,
  r: { principal: string; key: string; method: string; path: string; requestHash: string },
): Promise<{ claimed: true } | { claimed: false; existing: IdempotencyRecord }> {
  const inserted = await sql`
    insert into idempotency_records (principal, key, method, path, request_hash)
    values (${r.principal}, ${r.key}, ${r.method}, ${r.path}, ${r.requestHash})
    on conflict do nothing returning key`;
  if (inserted.length > 0) return { claimed: true };
  const [existing] = await sql<IdempotencyRecord[]>`
    select * from idempotency_records where principal = ${r.principal} and key = ${r.key}`;
  // Pruned between the two statements: treat as a fresh claim on the next attempt.
  if (!existing) return claimIdempotencyKey(sql, r);
  return { claimed: false, existing };
}

export async function completeIdempotencyKey(
  sql: Db,
  principal: string,
  key: string,
  response: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  await sql`
    update idempotency_records set state = 'done', response_status = ${response.status},
      response_headers = ${sql.json(response.headers)}, response_body = ${response.body}
    where principal = ${principal} and key = ${key}`;
}

export async function releaseIdempotencyKey(sql: Db, principal: string, key: string): Promise<void> {
  await sql`delete from idempotency_records where principal = ${principal} and key = ${key} and state = 'in_progress'`;
}

/** Deletes records created before `cutoff`; returns how many went. */
export async function pruneIdempotencyRecords(sql: Db, cutoff: Date): Promise<number> {
  const rows = await sql`delete from idempotency_records where created_at < ${cutoff} returning 1`;
  return rows.length;
}
