import { RATE_WINDOW_SECONDS } from '../../src/domain/rate-limits';
import type { Sql } from '../../src/db/connect';

/**
 * Public-endpoint limits count in fixed one-minute windows of the database's clock. A test that
 * counts its way up to a limit first waits until the current window has `needSeconds` left, so
 * its requests are not split across two windows.
 */
export async function freshRateWindow(sql: Sql, needSeconds = 40): Promise<void> {
  const [row] = await sql<{ left: number }[]>`
    with t as (select clock_timestamp() as now, make_interval(secs => ${RATE_WINDOW_SECONDS}::float8) as window)
    select extract(epoch from date_bin(t.window, t.now, timestamptz 'epoch') + t.window - t.now)::float8 as left from t`;
  const left = row!.left;
  if (left < needSeconds) await new Promise((r) => setTimeout(r, left * 1000 + 250));
}
