import type { Db } from '../../db/connect';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { assessmentInScope } from './access';

export interface Assessment {
  id: string;
  name: string;
  responseExpiryDays: number;
  pricingByCohort: boolean;
  /** The respondent's invitation link, with one `{token}`; null: no invitation e-mails. */
  invitationUrlTemplate: string | null;
  /** The reminder goes this many days before a response expires. */
  reminderDaysBeforeExpiry: number;
  createdAt: Date;
  updatedAt: Date;
}

const columns = (sql: Db) => sql`a.id, a.name, a.response_expiry_days, a.pricing_by_cohort, a.invitation_url_template, a.reminder_days_before_expiry, a.created_at, a.updated_at`;

export async function insertAssessment(
  sql: Db,
  input: { name: string; responseExpiryDays?: number; pricingByCohort?: boolean; invitationUrlTemplate?: string | null; reminderDaysBeforeExpiry?: number },
): Promise<Assessment> {
  const [row] = await sql<Assessment[]>`
    insert into assessments as a (name, response_expiry_days, pricing_by_cohort, invitation_url_template, reminder_days_before_expiry)
    values (${input.name}, ${input.responseExpiryDays ?? 14}, ${input.pricingByCohort ?? false}, ${input.invitationUrlTemplate ?? null}, ${input.reminderDaysBeforeExpiry ?? 2})
    returning ${columns(sql)}`;
  return row!;
}

export async function getAssessment(sql: Db, principal: Principal, id: string): Promise<Assessment> {
  const [row] = await sql<Assessment[]>`
    select ${columns(sql)} from assessments a where a.id = ${id} and ${assessmentInScope(sql, principal, 'a.id')}`;
  if (!row) throw notFound('Assessment');
  return row;
}

/** Unscoped, for callers identified otherwise (a share link's token). */
export async function assessmentById(sql: Db, id: string): Promise<Assessment | undefined> {
  const [row] = await sql<Assessment[]>`select ${columns(sql)} from assessments a where a.id = ${id}`;
  return row;
}

export async function listAssessments(sql: Db, principal: Principal, page: { after?: string; limit: number }): Promise<Assessment[]> {
  return sql<Assessment[]>`
    select ${columns(sql)} from assessments a
    where ${assessmentInScope(sql, principal, 'a.id')} ${page.after ? sql`and a.id > ${page.after}` : sql``}
    order by a.id limit ${page.limit}`;
}

export async function updateAssessment(
  sql: Db,
  id: string,
  patch: { name?: string; responseExpiryDays?: number; pricingByCohort?: boolean; invitationUrlTemplate?: string | null; reminderDaysBeforeExpiry?: number },
): Promise<Assessment> {
  const columnOf: Record<string, string> = {
    name: 'name', responseExpiryDays: 'response_expiry_days', pricingByCohort: 'pricing_by_cohort',
    invitationUrlTemplate: 'invitation_url_template', reminderDaysBeforeExpiry: 'reminder_days_before_expiry',
  };
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined).map(([k, v]) => [columnOf[k] ?? k, v]));
  if (Object.keys(set).length) await sql`update assessments set ${sql(set as Record<string, never>)}, updated_at = now() where id = ${id}`;
  const [row] = await sql<Assessment[]>`select ${columns(sql)} from assessments a where a.id = ${id}`;
  if (!row) throw notFound('Assessment');
  return row;
}

/** Whether anything counts against the assessment yet (an allotment or a response). */
export async function assessmentInUse(sql: Db, id: string): Promise<boolean> {
  const [inUse] = await sql`select 1 from allotments where assessment_id = ${id} union all select 1 from responses where assessment_id = ${id} limit 1`;
  return Boolean(inUse);
}

/** Links a user to assessments; unknown ids are reported back. */
export async function linkUserAssessments(sql: Db, userId: string, assessmentIds: string[]): Promise<string[]> {
  if (assessmentIds.length === 0) return [];
  const found = await sql<{ id: string }[]>`select id from assessments where id = any(${assessmentIds}::uuid[])`;
  const known = new Set(found.map((r) => r.id));
  const unknown = assessmentIds.filter((id) => !known.has(id));
  if (unknown.length) return unknown;
  await sql`insert into user_assessments (user_id, assessment_id) select ${userId}, unnest(${assessmentIds}::uuid[]) on conflict do nothing`;
  return [];
}

/** Replaces the user's assessment links with `assessmentIds`; answers the unknown ones (and changes nothing then). */
export async function replaceUserAssessments(sql: Db, userId: string, assessmentIds: string[]): Promise<string[]> {
  const found = await sql<{ id: string }[]>`select id from assessments where id = any(${assessmentIds}::uuid[])`;
  const known = new Set(found.map((r) => r.id));
  const unknown = assessmentIds.filter((id) => !known.has(id));
  if (unknown.length) return unknown;
  await sql`delete from user_assessments where user_id = ${userId} and not (assessment_id = any(${assessmentIds}::uuid[]))`;
  await sql`insert into user_assessments (user_id, assessment_id) select ${userId}, unnest(${assessmentIds}::uuid[]) on conflict do nothing`;
  return [];
}

/** The assessments a user is linked to, sorted. */
export async function userAssessmentIds(sql: Db, userId: string): Promise<string[]> {
  const rows = await sql<{ assessmentId: string }[]>`select assessment_id from user_assessments where user_id = ${userId} order by assessment_id`;
  return rows.map((r) => r.assessmentId);
}
