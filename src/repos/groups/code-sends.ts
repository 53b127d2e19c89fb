import type { Db } from '../../db/connect';
import type { ImportRow } from '../../domain/groups/imports';
import { rowJobProgress, type JobError } from '../jobs';

export type CodeSendStatus = 'pending' | 'sent' | 'already_sent' | 'failed';

export interface CodeSendRow {
  jobId: string;
  line: number;
  campaignId: string;
  email: string;
  name: string;
  status: CodeSendStatus;
  /** The code the recipient was given (this job or an earlier one). */
  code: string | null;
  error: string | null;
}

const rowColumns = (sql: Db) => sql`
  r.job_id, r.line, r.campaign_id, r.email, r.name, r.status,
  (select cc.code from campaign_codes cc where cc.campaign_id = r.campaign_id and cc.n = r.code_n) as code, r.error`;

/** Every recipient of a sends job at once; rows judged invalid are stored as failed right away. */
export async function insertCodeSendRows(sql: Db, jobId: string, campaignId: string, rows: ImportRow[]): Promise<void> {
  await sql`
    insert into campaign_send_rows (job_id, line, campaign_id, email, name, status, error)
    select ${jobId}, t.line, ${campaignId}, t.email, t.name, case when t.error is null then 'pending' else 'failed' end, t.error
    from unnest(${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.name)}::text[],
                ${rows.map((r) => r.error ?? null)}::text[]) as t(line, email, name, error)`;
}

export async function codeSendRowsAfter(sql: Db, jobId: string, afterLine: number, limit: number): Promise<CodeSendRow[]> {
  return sql<CodeSendRow[]>`select ${rowColumns(sql)} from campaign_send_rows r where r.job_id = ${jobId} and r.line > ${afterLine} order by r.line limit ${limit}`;
}

export async function allCodeSendRows(sql: Db, jobId: string): Promise<CodeSendRow[]> {
  return sql<CodeSendRow[]>`select ${rowColumns(sql)} from campaign_send_rows r where r.job_id = ${jobId} order by r.line`;
}

export async function isCodeSendJobOf(sql: Db, jobId: string, campaignId: string): Promise<boolean> {
  return (await sql`select 1 from campaign_send_rows where job_id = ${jobId} and campaign_id = ${campaignId} limit 1`).length > 0;
}

export async function setCodeSendRow(sql: Db, jobId: string, line: number, r: { status: CodeSendStatus; n?: number | null; error?: string | null }): Promise<void> {
  await sql`update campaign_send_rows set status = ${r.status}, code_n = coalesce(${r.n ?? null}::int, code_n), error = ${r.error ?? null} where job_id = ${jobId} and line = ${line}`;
}

/**
 * The address's code of the campaign: the one it was given before, or a code nobody was given
 * and nobody redeemed (created in Stripe), now assigned to it. `fresh` says which. Undefined when
 * the campaign has no code left. Call inside a transaction; concurrent calls skip each other's codes.
 */
export async function assignCode(sql: Db, a: { campaignId: string; email: string; jobId: string }): Promise<{ n: number; code: string; fresh: boolean } | undefined> {
  const before = async () => {
    const [row] = await sql<{ n: number; code: string; jobId: string }[]>`
      select a.n, cc.code, a.job_id from campaign_code_assignments a join campaign_codes cc on cc.campaign_id = a.campaign_id and cc.n = a.n
      where a.campaign_id = ${a.campaignId} and a.email = ${a.email}`;
    return row;
  };
  const existing = await before();
  if (existing) return { n: existing.n, code: existing.code, fresh: existing.jobId === a.jobId };
  const [free] = await sql<{ n: number; code: string }[]>`
    select cc.n, cc.code from campaign_codes cc
    where cc.campaign_id = ${a.campaignId} and cc.redemptions = 0 and cc.stripe_promotion_code_id is not null
      and not exists (select 1 from campaign_code_assignments x where x.campaign_id = cc.campaign_id and x.n = cc.n)
    order by cc.n limit 1 for update skip locked`;
  if (!free) return undefined;
  const inserted = await sql`
    insert into campaign_code_assignments (campaign_id, email, n, job_id) values (${a.campaignId}, ${a.email}, ${free.n}, ${a.jobId})
    on conflict (campaign_id, email) do nothing returning n`;
  if (inserted.length) return { ...free, fresh: true };
  // Another job gave this address its code meanwhile (the insert waited for it): that one stands.
  const other = await before();
  return other && { n: other.n, code: other.code, fresh: other.jobId === a.jobId };
}

/** Absolute counts from the rows, so a retried batch never counts twice. */
export async function codeSendProgress(sql: Db, jobId: string): Promise<{ processed: number; failed: number; errors: JobError[]; sent: number; alreadySent: number }> {
  const { first, second, ...progress } = await rowJobProgress(sql, 'campaign_send_rows', jobId);
  return { ...progress, sent: first, alreadySent: second };
}
