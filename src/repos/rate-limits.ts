import type { Db } from '../db/connect';

export interface WindowCount {
  /** Hits in the current window, this one included when counting. */
  hits: number;
  /** Seconds until the current window ends (at least 1). */
  retryAfterSeconds: number;
}

/** Windows that ended this long ago are deleted by the next statements that count. */
const KEEP_WINDOWS = 2;
/** At most this many per statement, so pruning never slows a request down. */
const PRUNE_BATCH = 20;

/**
 * Counts one hit for (bucket, subject) in the current fixed window, in one atomic upsert, and
 * answers the window's total: every replica sees the same number. Deletes a few expired windows
 * on the way (rows another statement is deleting are skipped, not waited for).
 */
export async function countHit(sql: Db, bucket: string, subject: string, windowSeconds: number): Promise<WindowCount> {
  const [row] = await sql<WindowCount[]>`
    with expired as (
      delete from rate_limit_hits where ctid = any(array(
        select ctid from rate_limit_hits
        where window_start < now() - make_interval(secs => ${windowSeconds * KEEP_WINDOWS}::double precision)
        order by window_start limit ${PRUNE_BATCH} for update skip locked))
    )
    insert into rate_limit_hits as r (bucket, subject, window_start, hits)
    values (${bucket}, ${subject}, date_bin(make_interval(secs => ${windowSeconds}::double precision), now(), timestamptz 'epoch'), 1)
    on conflict (bucket, subject, window_start) do update set hits = r.hits + 1
    returning r.hits,
      greatest(1, ceil(extract(epoch from r.window_start + make_interval(secs => ${windowSeconds}::double precision) - now())))::int as retry_after_seconds`;
  return row!;
}

/** The current window's count for (bucket, subject), without counting. */
export async function currentHits(sql: Db, bucket: string, subject: string, windowSeconds: number): Promise<WindowCount> {
  const [row] = await sql<WindowCount[]>`
    with w as (select date_bin(make_interval(secs => ${windowSeconds}::double precision), now(), timestamptz 'epoch') as start)
    select coalesce((select hits from rate_limit_hits r where r.bucket = ${bucket} and r.subject = ${subject} and r.window_start = w.start), 0) as hits,
      greatest(1, ceil(extract(epoch from w.start + make_interval(secs => ${windowSeconds}::double precision) - now())))::int as retry_after_seconds
    from w`;
  return row!;
}
