import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';
import { notFound } from '../errors';
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

export async function insertJob(sql: Db, j: { kind: string; organizationId: string | null; total: number; createdBy: string | null }): Promise<Job> {
  const [row] = await sql<Job[]>`
    insert into jobs (kind, organization_id, total, created_by) values (${j.kind}, ${j.organizationId}, ${j.total}, ${j.createdBy})
    returning id, kind, organization_id, status, total, processed, failed, errors, created_at, finished_at`;
  return row!;
}

export async function getJob(sql: Db, principal: Principal, id: string): Promise<Job> {
  const [row] = await sql<Job[]>`
    select j.id, j.kind, j.organization_id, j.status, j.total, j.processed, j.failed, j.errors, j.created_at, j.finished_at
    from jobs j where j.id = ${id} and (${principal.role === 'admin' ? sql`true` : sql`j.organization_id is not null and ${inScope(sql, principal, 'j.organization_id')}`})`;
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
