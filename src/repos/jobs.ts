import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';
import { notFound } from '../errors';
import { assessmentInScope } from './allotments/access';
import { inScope } from './scope';

export interface JobError {
  line: number;
  message: string;
}

export interface Job {
  id: string;
  kind: string;
  organizationId: string | null;
  status: 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  failed: number;
  errors: JobError[];
  createdAt: Date;
  finishedAt: Date | null;
}

export async function insertJob(
  sql: Db,
  j: { kind: string; organizationId: string | null; total: number; createdBy: string | null; assessmentId?: string | null },
): Promise<Job> {
  const [row] = await sql<Job[]>`
    insert into jobs (kind, organization_id, assessment_id, total, created_by)
    values (${j.kind}, ${j.organizationId}, ${j.assessmentId ?? null}, ${j.total}, ${j.createdBy})
    returning id, kind, organization_id, status, total, processed, failed, errors, created_at, finished_at`;
  return row!;
}

export async function getJob(sql: Db, principal: Principal, id: string): Promise<Job> {
  const [row] = await sql<Job[]>`
    select j.id, j.kind, j.organization_id, j.status, j.total, j.processed, j.failed, j.errors, j.created_at, j.finished_at
    from jobs j where j.id = ${id} and (${principal.role === 'admin' ? sql`true` : sql`j.organization_id is not null and ${inScope(sql, principal, 'j.organization_id')}`})
      and (j.assessment_id is null or ${assessmentInScope(sql, principal, 'j.assessment_id')})`;
  if (!row) throw notFound('Job');
  return row;
}

/** Records progress as absolute counts, so a retried batch never counts twice. */
export async function setJobProgress(sql: Db, id: string, processed: number, failed: number, errors: JobError[]): Promise<void> {
  await sql`update jobs set processed = ${processed}, failed = ${failed}, errors = ${sql.json(errors as never)} where id = ${id}`;
}

export async function finishJob(sql: Db, id: string, status: 'completed' | 'failed'): Promise<void> {
  await sql`update jobs set status = ${status}, finished_at = coalesce(finished_at, now()) where id = ${id}`;
}

/** The per-row tables of jobs that record each row's outcome, and their two successful outcomes. */
const ROW_TABLES = {
  campaign_send_rows: ['sent', 'already_sent'],
  group_import_rows: ['created', 'existing'],
} as const;
type RowTable = keyof typeof ROW_TABLES;

/**
 * A row job's progress counted from its rows: processed (either success), failed, each success
 * apart, and the first 1 000 failures by line.
 */
export async function rowJobProgress(
  sql: Db,
  table: RowTable,
  jobId: string,
): Promise<{ processed: number; failed: number; errors: JobError[]; first: number; second: number }> {
  const [first, second] = ROW_TABLES[table];
  const [counts] = await sql<{ processed: number; failed: number; first: number; second: number }[]>`
    select count(*) filter (where status in (${first}, ${second}))::int as processed,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status = ${first})::int as first,
           count(*) filter (where status = ${second})::int as second
    from ${sql(table as string)} where job_id = ${jobId}`;
  const errors = await sql<JobError[]>`
    select line, error as message from ${sql(table as string)} where job_id = ${jobId} and status = 'failed' order by line limit 1000`;
  return { ...counts!, errors: errors.map((e) => ({ line: e.line, message: e.message })) };
}
