import type { Db } from '../../db/connect';
import { OPEN_RESPONSE, type ResponseStatus } from '../../domain/allotments/lifecycle';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, contains, newestFirst, type Page } from '../list';
import { inScope } from '../scope';
import { assessmentInScope } from './access';

export type { ResponseStatus };
export type ResponseSource = 'manual' | 'bulk' | 'cohort' | 'share_link';

export interface ResponseRow {
  id: string;
  assessmentId: string;
  organizationId: string;
  cohortId: string | null;
  jobId: string | null;
  source: ResponseSource;
  respondentEmail: string;
  respondentName: string;
  counted: boolean;
  status: ResponseStatus;
  expiresAt: Date;
  createdAt: Date;
  completedAt: Date | null;
  expiredAt: Date | null;
}

export interface NewResponse {
  email: string;
  name: string;
  expiresAt: Date;
  line?: number;
  /** This respondent's cohort, when it differs from the request's (a bulk file's cohortId column). */
  cohortId?: string | null;
}

/** Inserts any number of responses in one statement (arrays, so 10 000 rows stay one round trip). */
export async function insertResponses(
  sql: Db,
  common: { assessmentId: string; organizationId: string; cohortId?: string | null; jobId?: string | null; source: ResponseSource; counted: boolean },
  rows: NewResponse[],
): Promise<ResponseRow[]> {
  return sql<ResponseRow[]>`
    insert into responses (assessment_id, organization_id, cohort_id, job_id, source, counted, respondent_email, respondent_name, expires_at, job_line)
    select ${common.assessmentId}, ${common.organizationId}, coalesce(t.cohort_id, ${common.cohortId ?? null}::uuid), ${common.jobId ?? null}, ${common.source}, ${common.counted}, t.email, t.name, t.expires_at, t.line
    from unnest(${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.name)}::text[],
                ${rows.map((r) => r.expiresAt.toISOString())}::timestamptz[], ${rows.map((r) => r.line ?? null)}::int[],
                ${rows.map((r) => r.cohortId ?? null)}::uuid[])
         as t(email, name, expires_at, line, cohort_id)
    returning id, assessment_id, organization_id, cohort_id, job_id, source, respondent_email, respondent_name, counted, status, expires_at, created_at, completed_at, expired_at`;
}

const columns = (sql: Db) => sql`
  r.id, r.assessment_id, r.organization_id, r.cohort_id, r.job_id, r.source, r.respondent_email, r.respondent_name,
  r.counted, r.status, r.expires_at, r.created_at, r.completed_at, r.expired_at`;

export async function getResponse(sql: Db, principal: Principal, id: string): Promise<ResponseRow> {
  const [row] = await sql<ResponseRow[]>`
    select ${columns(sql)}
    from responses r where r.id = ${id} and ${inScope(sql, principal, 'r.organization_id')} and ${assessmentInScope(sql, principal, 'r.assessment_id')}`;
  if (!row) throw notFound('Response');
  return row;
}

/** Moves an open response's expiry; false when it is closed (responseAllows(status, 'extend')). */
export async function setResponseExpiry(sql: Db, id: string, expiresAt: Date): Promise<boolean> {
  const rows = await sql`update responses set expires_at = ${expiresAt} where id = ${id} and status = ${OPEN_RESPONSE} returning 1`;
  return rows.length > 0;
}

/** A page of a job's responses, by line, for starting their invitation workflows. */
export async function jobResponses(sql: Db, jobId: string, afterLine: number, limit: number) {
  return sql<{ id: string; organizationId: string; expiresAt: Date; jobLine: number }[]>`
    select id, organization_id, expires_at, job_line from responses
    where job_id = ${jobId} and job_line > ${afterLine} order by job_line limit ${limit}`;
}

/** How many of a job's responses stand on lines up to `lastLine` (its progress so far). */
export async function countJobResponsesThrough(sql: Db, jobId: string, lastLine: number): Promise<number> {
  const [count] = await sql<{ n: number }[]>`select count(*)::int as n from responses where job_id = ${jobId} and job_line <= ${lastLine}`;
  return count!.n;
}

export interface ResponseFilter {
  organizationId?: string;
  assessmentId?: string;
  cohortId?: string;
  status?: ResponseStatus;
  source?: ResponseSource;
  /** Part of the respondent's e-mail or name (case and accents ignored). */
  q?: string;
}

/** Responses in the caller's scope (organizations and, for managers, linked assessments), newest first. */
export async function listResponses(sql: Db, principal: Principal, f: ResponseFilter & Page): Promise<ResponseRow[]> {
  return sql<ResponseRow[]>`
    select ${columns(sql)} from responses r
    where ${inScope(sql, principal, 'r.organization_id')} and ${assessmentInScope(sql, principal, 'r.assessment_id')}
      ${andEqual(sql, { 'r.organization_id': f.organizationId, 'r.assessment_id': f.assessmentId, 'r.cohort_id': f.cohortId, 'r.status': f.status, 'r.source': f.source })}
      ${f.q ? sql`and (${contains(sql, 'r.respondent_email', f.q)} or ${contains(sql, 'r.respondent_name_search', f.q, { fold: true })})` : sql``}
      ${newestFirst(sql, 'responses', 'r', f)}`;
}
