import type { Db } from '../db/connect';

/** Longer than any request may take (bodies are limited, Stripe calls time out in seconds). */
export const ABANDONED_AFTER = '5 minutes';

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
  // A claim still in progress after ABANDONED_AFTER belongs to a process that died mid-request:
  // it is taken over rather than blocking the key for a day.
  const inserted = await sql`
    insert into idempotency_records as i (principal, key, method, path, request_hash)
    values (${r.principal}, ${r.key}, ${r.method}, ${r.path}, ${r.requestHash})
    on conflict (principal, key) do update set created_at = now(), request_hash = excluded.request_hash, method = excluded.method, path = excluded.path
      where i.state = 'in_progress' and i.created_at < now() - ${ABANDONED_AFTER}::interval
    returning key`;
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
