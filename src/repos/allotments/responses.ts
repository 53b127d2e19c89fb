import { randomUUID } from 'node:crypto';
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
  /** false: the partner sends its own invitation; partnerflow e-mails this respondent nothing. */
  notify: boolean;
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

const RETURNED = 'id, assessment_id, organization_id, cohort_id, job_id, source, respondent_email, respondent_name, counted, notify, status, expires_at, created_at, completed_at, expired_at';

/**
 * Inserts any number of responses in one statement (arrays, so 10 000 rows stay one round trip),
 * with the ids given (the caller may need them before the insert answers) or fresh ones.
 * With `handoff`, each response also gets its entry in `response_handoffs` in the same statement:
 * the promise that its invitation workflow will be started after the commit (by the caller, or
 * by the workers' drain if the caller dies first).
 */
export async function insertResponses(
  sql: Db,
  common: { assessmentId: string; organizationId: string; cohortId?: string | null; jobId?: string | null; source: ResponseSource; counted: boolean; notify?: boolean },
  rows: NewResponse[],
  o: { handoff?: boolean; ids?: string[] } = {},
): Promise<ResponseRow[]> {
  const ids = o.ids ?? rows.map(() => randomUUID());
  const inserted = sql<ResponseRow[]>`
    insert into responses (id, assessment_id, organization_id, cohort_id, job_id, source, counted, notify, respondent_email, respondent_name, expires_at, job_line)
    select t.id, ${common.assessmentId}, ${common.organizationId}, coalesce(t.cohort_id, ${common.cohortId ?? null}::uuid), ${common.jobId ?? null}, ${common.source}, ${common.counted}, ${common.notify ?? true}, t.email, t.name, t.expires_at, t.line
    from unnest(${ids}::uuid[], ${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.name)}::text[],
                ${rows.map((r) => r.expiresAt.toISOString())}::timestamptz[], ${rows.map((r) => r.line ?? null)}::int[],
                ${rows.map((r) => r.cohortId ?? null)}::uuid[])
         as t(id, email, name, expires_at, line, cohort_id)
    returning ${sql.unsafe(RETURNED)}`;
  // Awaited here, so the statement is sent when this is called (callers pipeline after it).
  if (!o.handoff) return await inserted;
  return await sql<ResponseRow[]>`
    with r as (${inserted}), h as (insert into response_handoffs (response_id) select id from r)
    select * from r`;
}

const columns = (sql: Db) => sql`
  r.id, r.assessment_id, r.organization_id, r.cohort_id, r.job_id, r.source, r.respondent_email, r.respondent_name,
  r.counted, r.notify, r.status, r.expires_at, r.created_at, r.completed_at, r.expired_at`;

export async function getResponse(sql: Db, principal: Principal, id: string): Promise<ResponseRow> {
  const [row] = await sql<ResponseRow[]>`
    select ${columns(sql)}
    from responses r where r.id = ${id} and ${inScope(sql, principal, 'r.organization_id')} and ${assessmentInScope(sql, principal, 'r.assessment_id')}`;
  if (!row) throw notFound('Response');
  return row;
}

/** What an audit entry of a response's change says it was before: its organization, status and expiry (the row locked). */
export async function lockResponseHead(sql: Db, id: string): Promise<Pick<ResponseRow, 'organizationId' | 'status' | 'expiresAt'> | undefined> {
  const [row] = await sql<Pick<ResponseRow, 'organizationId' | 'status' | 'expiresAt'>[]>`
    select organization_id, status, expires_at from responses where id = ${id} for update`;
  return row;
}

/**
 * Moves an open response's expiry; false when it is closed (responseAllows(status, 'extend')), or
 * when it already is that instant (the same extension run again after a retry or a reset).
 */
export async function setResponseExpiry(sql: Db, id: string, expiresAt: Date): Promise<boolean> {
  const rows = await sql`update responses set expires_at = ${expiresAt} where id = ${id} and status = ${OPEN_RESPONSE} and expires_at <> ${expiresAt} returning 1`;
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

// The hand-off to the invitation workflows (response_handoffs, written only here).

/**
 * The invitation workflow's first step, one statement: once the response is committed, its
 * hand-off entry is gone (the workflow runs, nothing needs to start it any more) and the answer
 * says whether the invitation is mailed (the response asked for e-mails and its assessment has
 * an invitation URL template); undefined while the response is not committed.
 */
export async function takeHandoff(sql: Db, responseId: string): Promise<{ mailed: boolean } | undefined> {
  const [row] = await sql<{ mailed: boolean }[]>`
    with gone as (delete from response_handoffs where response_id = ${responseId})
    select r.notify and coalesce(a.invitation_url_template, '') <> '' as mailed
    from responses r join assessments a on a.id = r.assessment_id
    where r.id = ${responseId}`;
  return row;
}

/**
 * Hand-offs older than `olderThanMs` (their creator had time to start the workflow and did not),
 * locked so that concurrent drains take different ones.
 */
export async function staleHandoffs(sql: Db, olderThanMs: number, limit: number) {
  return sql<{ id: string; organizationId: string; expiresAt: Date }[]>`
    select r.id, r.organization_id, r.expires_at
    from response_handoffs h join responses r on r.id = h.response_id
    where h.created_at < now() - make_interval(secs => ${olderThanMs / 1000})
    order by h.created_at limit ${limit}
    for update of h skip locked`;
}

export async function deleteHandoffs(sql: Db, responseIds: string[]): Promise<void> {
  await sql`delete from response_handoffs where response_id = any(${responseIds}::uuid[])`;
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
