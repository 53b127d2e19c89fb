import type { Db } from '../../db/connect';
import type { ImportRow } from '../../domain/groups/imports';
import { rowJobProgress, type JobError } from '../jobs';

export type ImportRowStatus = 'pending' | 'created' | 'existing' | 'failed';

export interface StoredImportRow {
  jobId: string;
  line: number;
  email: string;
  name: string;
  status: ImportRowStatus;
  error: string | null;
  subscriptionId: string | null;
}

/** Every row of an import at once; rows judged invalid are stored as failed right away. */
export async function insertImport(sql: Db, jobId: string, groupId: string, rows: ImportRow[]): Promise<void> {
  await sql`insert into group_imports (job_id, group_id) values (${jobId}, ${groupId})`;
  await sql`
    insert into group_import_rows (job_id, line, email, name, status, error)
    select ${jobId}, t.line, t.email, t.name, case when t.error is null then 'pending' else 'failed' end, t.error
    from unnest(${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.name)}::text[],
                ${rows.map((r) => r.error ?? null)}::text[]) as t(line, email, name, error)`;
}

export async function importRowsAfter(sql: Db, jobId: string, afterLine: number, limit: number): Promise<StoredImportRow[]> {
  return sql<StoredImportRow[]>`
    select job_id, line, email, name, status, error, subscription_id from group_import_rows
    where job_id = ${jobId} and line > ${afterLine} order by line limit ${limit}`;
}

export async function isImportOf(sql: Db, jobId: string, groupId: string): Promise<boolean> {
  return (await sql`select 1 from group_imports where job_id = ${jobId} and group_id = ${groupId}`).length > 0;
}

/** The organization an import job belongs to (for its audit entries). */
export async function importOrganization(sql: Db, jobId: string): Promise<string | null> {
  const [row] = await sql<{ organizationId: string | null }[]>`select organization_id from jobs where id = ${jobId}`;
  return row?.organizationId ?? null;
}

export async function allImportRows(sql: Db, jobId: string): Promise<StoredImportRow[]> {
  return sql<StoredImportRow[]>`
    select job_id, line, email, name, status, error, subscription_id from group_import_rows where job_id = ${jobId} order by line`;
}

export async function setImportRow(sql: Db, jobId: string, line: number, r: { status: ImportRowStatus; subscriptionId?: string | null; error?: string | null }): Promise<void> {
  await sql`
    update group_import_rows set status = ${r.status}, subscription_id = coalesce(${r.subscriptionId ?? null}::uuid, subscription_id), error = ${r.error ?? null}
    where job_id = ${jobId} and line = ${line}`;
}

/** Absolute counts from the rows, so a retried batch never counts twice. */
export async function importProgress(sql: Db, jobId: string): Promise<{ processed: number; failed: number; errors: JobError[]; created: number; existing: number }> {
  const { first, second, ...progress } = await rowJobProgress(sql, 'group_import_rows', jobId);
  return { ...progress, created: first, existing: second };
}
