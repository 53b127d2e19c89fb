import type { Sql } from '../../../src/db/connect';

/**
 * Tables a refused request may write by design, so the "nothing changed" check leaves them out:
 * the idempotency store keeps refusals too (a repeat gets the same refusal). Abuse counters that
 * count refused guesses (issue 11 part B) belong here as well.
 */
export const WRITTEN_BY_REFUSALS = ['idempotency_records', 'schema_migrations'];
const ABUSE_COUNTERS = /rate_limit|throttle|abuse|guess/;

/**
 * Refusals that record something on purpose, and where: a wrong e-mail verification code counts
 * an attempt (and the fifth locks the claim, audited), as docs/groups.md promises.
 */
export const RECORDING_REFUSALS: Record<string, string[]> = {
  VERIFICATION_FAILED: ['access_claims', 'audit_events'],
  CODE_EXHAUSTED: ['access_claims', 'audit_events'],
};

/** Columns written on every request by design (a token's last use), left out of a table's fingerprint. */
const IGNORED_COLUMNS: Record<string, string[]> = { api_tokens: ['last_used_at'] };

/** Per table: row count and the sum of the rows' transaction ids (any insert, update or delete moves one of them). */
export type Fingerprint = Record<string, string>;

export async function fingerprinter(sql: Sql) {
  const tables = (await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`)
    .map((t) => t.name)
    .filter((t) => !WRITTEN_BY_REFUSALS.includes(t) && !ABUSE_COUNTERS.test(t));
  if (tables.length < 20) throw new Error(`only ${tables.length} tables found`);
  const query = tables
    .map((t) => {
      const ignored = IGNORED_COLUMNS[t];
      if (!ignored) return `select '${t}' as t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as f from "${t}"`;
      const row = `(to_jsonb(x) ${ignored.map((c) => `- '${c}'`).join(' ')})::text`;
      return `select '${t}' as t, count(*)::text || ':' || coalesce(md5(string_agg(${row}, ',' order by ${row})), '') as f from "${t}" x`;
    })
    .join(' union all ');
  const take = async (): Promise<Fingerprint> => Object.fromEntries((await sql.unsafe<{ t: string; f: string }[]>(query)).map((r) => [r.t, r.f]));
  return {
    tables,
    take,
    /** The tables whose fingerprint differs. */
    diff(a: Fingerprint, b: Fingerprint): string[] {
      return tables.filter((t) => a[t] !== b[t]);
    },
    /**
     * Waits until nothing changes for a while (workflows an accepted request started have written)
     * and no job is still running: a job's workflow may pause longer than the quiet spell on a
     * loaded machine, and would then write behind the next refusal's back.
     */
    async settle(timeoutMs = 30_000): Promise<Fingerprint> {
      const deadline = Date.now() + timeoutMs;
      // Work still in flight writes later, however long its next pause: a job running, a campaign
      // still creating its codes, a response whose workflow is not started yet, an e-mail being
      // sent, a sale approved for today that its workflow has not activated yet (the matrix's
      // approval probe approves the pending sale; on a loaded machine its activation once landed
      // two tests later, behind a refusal's back).
      const running = async () =>
        (
          await sql<{ n: number }[]>`
            select (select count(*) from jobs where status = 'running') + (select count(*) from campaigns where status = 'creating')
                 + (select count(*) from response_handoffs) + (select count(*) from notifications where status = 'sending')
                 + (select count(*) from sales where status = 'approved' and activation_date <= (now() at time zone 'utc')::date) as n`
        )[0]!.n;
      let last = await take();
      let stable = 0;
      while (stable < 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 120));
        const next = await take();
        stable = tables.every((t) => next[t] === last[t]) && (await running()) === 0 ? stable + 1 : 0;
        last = next;
      }
      return last;
    },
  };
}
