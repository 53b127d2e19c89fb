import type { Db, Sql } from '../db/connect';

/** For a claim with no owner (made before owners were recorded): longer than any request may take. */
export const ABANDONED_AFTER = '5 minutes';

/** The first key of every owner lock (pg_advisory_lock(OWNER_LOCK_SPACE, owner_lock)); the second is the process's own. */
export const OWNER_LOCK_SPACE = 1_886_744_935;

/** An API process as the owner of its claims: alive exactly as long as its lock is held. */
export interface ClaimOwner {
  /** host:pid, for people reading the table. */
  name: string;
  lock: number;
}

/**
 * Takes an owner lock for this process on a connection reserved for it, so the lock lives exactly
 * as long as the process (or that connection): PostgreSQL releases it when either goes away.
 * Dead peers are found quickly (TCP keepalives of seconds on that connection, not hours).
 */
export async function holdOwnerLock(sql: Sql, name: string): Promise<{ owner: ClaimOwner; alive: () => Promise<void>; release: () => Promise<void> }> {
  const conn = await sql.reserve();
  try {
    await conn`select set_config('tcp_keepalives_idle', '5', false), set_config('tcp_keepalives_interval', '2', false), set_config('tcp_keepalives_count', '3', false)`;
    for (;;) {
      const lock = 1 + Math.floor(Math.random() * 2_147_483_646);
      const [row] = await conn<{ held: boolean }[]>`select pg_try_advisory_lock(${OWNER_LOCK_SPACE}, ${lock}) as held`;
      if (row?.held) {
        return {
          owner: { name, lock },
          alive: async () => {
            await conn`select 1`;
          },
          release: async () => {
            await conn`select pg_advisory_unlock(${OWNER_LOCK_SPACE}, ${lock})`.catch(() => undefined);
            conn.release();
          },
        };
      }
    }
  } catch (err) {
    conn.release();
    throw err;
  }
}

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
  r: { principal: string; key: string; method: string; path: string; requestHash: string; owner?: ClaimOwner },
): Promise<{ claimed: true } | { claimed: false; existing: IdempotencyRecord }> {
  // A claim still in progress whose owner process no longer holds its lock belongs to a process
  // that died mid-request (and can commit nothing more): it is taken over at once. A claim without
  // an owner is taken over after ABANDONED_AFTER.
  const inserted = await sql`
    insert into idempotency_records as i (principal, key, method, path, request_hash, owner, owner_lock)
    values (${r.principal}, ${r.key}, ${r.method}, ${r.path}, ${r.requestHash}, ${r.owner?.name ?? null}, ${r.owner?.lock ?? null})
    on conflict (principal, key) do update set created_at = now(), request_hash = excluded.request_hash, method = excluded.method, path = excluded.path,
        owner = excluded.owner, owner_lock = excluded.owner_lock
      where i.state = 'in_progress' and (
        (i.owner_lock is null and i.created_at < now() - ${ABANDONED_AFTER}::interval)
        or (i.owner_lock is not null and not exists (
          select 1 from pg_locks l
          where l.locktype = 'advisory' and l.granted and l.objsubid = 2
            and l.database = (select oid from pg_database where datname = current_database())
            and l.classid = ${OWNER_LOCK_SPACE}::oid and l.objid = i.owner_lock::oid)))
    returning key`;
  if (inserted.length > 0) return { claimed: true };
  const [existing] = await sql<IdempotencyRecord[]>`
    select * from idempotency_records where principal = ${r.principal} and key = ${r.key}`;
  // Pruned between the two statements: treat as a fresh claim on the next attempt.
  if (!existing) return claimIdempotencyKey(sql, r);
  return { claimed: false, existing };
}

/** The claim's owner condition: a claim taken over by another process is that process's to complete or release. */
const ownedBy = (sql: Db, owner: ClaimOwner | undefined) => (owner ? sql`owner_lock = ${owner.lock}` : sql`owner_lock is null`);

export async function completeIdempotencyKey(
  sql: Db,
  principal: string,
  key: string,
  response: { status: number; headers: Record<string, string>; body: string },
  owner?: ClaimOwner,
): Promise<void> {
  await sql`
    update idempotency_records set state = 'done', response_status = ${response.status},
      response_headers = ${sql.json(response.headers)}, response_body = ${response.body}
    where principal = ${principal} and key = ${key} and state = 'in_progress' and ${ownedBy(sql, owner)}`;
}

export async function releaseIdempotencyKey(sql: Db, principal: string, key: string, owner?: ClaimOwner): Promise<void> {
  await sql`delete from idempotency_records where principal = ${principal} and key = ${key} and state = 'in_progress' and ${ownedBy(sql, owner)}`;
}

/** Deletes records created before `cutoff`; returns how many went. */
export async function pruneIdempotencyRecords(sql: Db, cutoff: Date): Promise<number> {
  const rows = await sql`delete from idempotency_records where created_at < ${cutoff} returning 1`;
  return rows.length;
}
