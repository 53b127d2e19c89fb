import type { Db } from '../../db/connect';
import type { Principal } from '../../domain/principal';
import { hashToken } from '../../domain/tokens';
import { notFound } from '../../errors';
import { andEqual, contains, newestFirst, type Page } from '../list';
import { inScope } from '../scope';
import { assessmentInScope } from './access';

export interface Cohort {
  id: string;
  assessmentId: string;
  organizationId: string;
  name: string;
  counted: boolean;
  createdAt: Date;
}

export async function insertCohort(
  sql: Db,
  c: { assessmentId: string; organizationId: string; name: string; counted: boolean; createdBy: string },
): Promise<Cohort> {
  const [row] = await sql<Cohort[]>`
    insert into cohorts (assessment_id, organization_id, name, counted, created_by)
    values (${c.assessmentId}, ${c.organizationId}, ${c.name}, ${c.counted}, ${c.createdBy})
    returning id, assessment_id, organization_id, name, counted, created_at`;
  return row!;
}

export async function getCohort(sql: Db, principal: Principal, id: string): Promise<Cohort> {
  const [row] = await sql<Cohort[]>`
    select c.id, c.assessment_id, c.organization_id, c.name, c.counted, c.created_at from cohorts c
    where c.id = ${id} and ${inScope(sql, principal, 'c.organization_id')} and ${assessmentInScope(sql, principal, 'c.assessment_id')}`;
  if (!row) throw notFound('Cohort');
  return row;
}

/** The cohorts of an assessment in the caller's scope (the caller checked the assessment), newest first. */
export async function listCohorts(sql: Db, principal: Principal, assessmentId: string, f: { organizationId?: string; q?: string } & Page): Promise<Cohort[]> {
  return sql<Cohort[]>`
    select c.id, c.assessment_id, c.organization_id, c.name, c.counted, c.created_at from cohorts c
    where c.assessment_id = ${assessmentId} and ${inScope(sql, principal, 'c.organization_id')}
      ${andEqual(sql, { 'c.organization_id': f.organizationId })}
      ${f.q ? sql`and ${contains(sql, 'c.name', f.q, { fold: true, foldColumn: true })}` : sql``}
      ${newestFirst(sql, 'cohorts', 'c', f)}`;
}

/** The cohort when it belongs to this organization and assessment (the caller has checked both are in scope). */
export async function cohortOf(sql: Db, id: string, organizationId: string, assessmentId: string): Promise<{ id: string } | undefined> {
  const [row] = await sql<{ id: string }[]>`select id from cohorts where id = ${id} and organization_id = ${organizationId} and assessment_id = ${assessmentId}`;
  return row;
}

/** Which of `ids` are cohorts of this organization and assessment (the caller has checked both are in scope). */
export async function cohortsOf(sql: Db, ids: string[], organizationId: string, assessmentId: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql<{ id: string }[]>`
    select id from cohorts where id = any(${ids}::uuid[]) and organization_id = ${organizationId} and assessment_id = ${assessmentId}`;
  return new Set(rows.map((r) => r.id));
}

/**
 * Marks the uncounted cohorts among `ids` counted, once: the rows are locked in id order, so two
 * requests into the same cohort count it once (the second finds it counted). Answers the ids this
 * call counted.
 */
export async function markCohortsCounted(sql: Db, ids: string[], organizationId: string, assessmentId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }[]>`
    with due as (
      select id from cohorts
      where id = any(${ids}::uuid[]) and organization_id = ${organizationId} and assessment_id = ${assessmentId} and not counted
      order by id for update)
    update cohorts c set counted = true from due where c.id = due.id and not c.counted
    returning c.id`;
  return rows.map((r) => r.id);
}

export interface ShareLink {
  id: string;
  assessmentId: string;
  organizationId: string;
  cohortId: string | null;
  /** false: responses started through the link get no invitation e-mail. */
  notify: boolean;
  createdBy: string | null;
  createdAt: Date;
  /** Set once revoked: the public link then answers 410 LINK_REVOKED. */
  revokedAt: Date | null;
}

const shareLinkColumns = (sql: Db) => sql`id, assessment_id, organization_id, cohort_id, notify, created_by, created_at, revoked_at`;

export async function insertShareLink(
  sql: Db,
  l: { token: string; assessmentId: string; organizationId: string; cohortId?: string | null; notify?: boolean; createdBy: string },
): Promise<ShareLink> {
  const [row] = await sql<ShareLink[]>`
    insert into share_links (token_hash, assessment_id, organization_id, cohort_id, notify, created_by)
    values (${hashToken(l.token)}, ${l.assessmentId}, ${l.organizationId}, ${l.cohortId ?? null}, ${l.notify ?? true}, ${l.createdBy})
    returning ${shareLinkColumns(sql)}`;
  return row!;
}

/** A share link as its organization's managers see it (never its token, which is not stored). */
export interface ShareLinkRow extends ShareLink {
  createdBy: string | null;
  revokedAt: Date | null;
}

/** The share links of an assessment in the caller's scope (the caller checked the assessment), newest first. */
export async function listShareLinks(
  sql: Db,
  principal: Principal,
  assessmentId: string,
  f: { organizationId?: string; cohortId?: string; revoked?: boolean } & Page,
): Promise<ShareLinkRow[]> {
  return sql<ShareLinkRow[]>`
    select l.id, l.assessment_id, l.organization_id, l.cohort_id, l.notify, l.created_by, l.created_at, l.revoked_at from share_links l
    where l.assessment_id = ${assessmentId} and ${inScope(sql, principal, 'l.organization_id')}
      ${andEqual(sql, { 'l.organization_id': f.organizationId, 'l.cohort_id': f.cohortId })}
      ${f.revoked === undefined ? sql`` : f.revoked ? sql`and l.revoked_at is not null` : sql`and l.revoked_at is null`}
      ${newestFirst(sql, 'share_links', 'l', f)}`;
}

/** The link behind a public token, revoked or not (the caller tells the respondent which). */
export async function shareLinkByToken(sql: Db, token: string): Promise<ShareLink | undefined> {
  const [row] = await sql<ShareLink[]>`select ${shareLinkColumns(sql)} from share_links where token_hash = ${hashToken(token)}`;
  return row;
}

/** A link by id, locked until the transaction ends; the caller checks its scope. */
export async function lockShareLink(sql: Db, id: string): Promise<ShareLink | undefined> {
  const [row] = await sql<ShareLink[]>`select ${shareLinkColumns(sql)} from share_links where id = ${id} for update`;
  return row;
}

/** Revokes a link once (a repeat keeps the first time and who); answers it as it is now. */
export async function revokeShareLink(sql: Db, id: string, by: string): Promise<ShareLink> {
  await sql`update share_links set revoked_at = now(), revoked_by = ${by} where id = ${id} and revoked_at is null`;
  const [row] = await sql<ShareLink[]>`select ${shareLinkColumns(sql)} from share_links where id = ${id}`;
  return row!;
}
