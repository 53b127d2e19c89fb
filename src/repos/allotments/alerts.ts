import type { Db } from '../../db/connect';
import type { Unit } from '../../domain/allotments/ledger';
import type { Recipient } from '../../domain/allotments/alerts';
import type { EventPayloads } from '../../domain/events';

/** What an allotment counts (its assessment's unit), for the events that name it. */
export async function allotmentUnit(sql: Db, assessmentId: string): Promise<Unit> {
  const [row] = await sql<{ pricingByCohort: boolean }[]>`select pricing_by_cohort from assessments where id = ${assessmentId}`;
  return row?.pricingByCohort ? 'cohort' : 'response';
}

/** A low-balance alert waiting for its mail workflow; written with its event, in the same transaction. */
export async function insertLowBalanceHandoff(sql: Db, h: { eventId: string; organizationId: string; assessmentId: string; seq: number }): Promise<void> {
  await sql`
    insert into low_balance_handoffs (event_id, organization_id, assessment_id, seq)
    values (${h.eventId}, ${h.organizationId}, ${h.assessmentId}, ${h.seq})`;
}

export interface LowBalanceHandoff {
  eventId: string;
  organizationId: string;
  assessmentId: string;
  seq: number;
}

/** The oldest waiting alerts, locked so overlapping drains take different ones. */
export async function takeLowBalanceHandoffs(sql: Db, limit: number): Promise<LowBalanceHandoff[]> {
  return sql<LowBalanceHandoff[]>`
    select event_id, organization_id, assessment_id, seq from low_balance_handoffs
    order by created_at limit ${limit} for update skip locked`;
}

export async function deleteLowBalanceHandoffs(sql: Db, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await sql`delete from low_balance_handoffs where event_id = any(${eventIds}::uuid[])`;
}

/** The managers of the organization itself (users whose organization it is). */
export async function organizationManagers(sql: Db, organizationId: string): Promise<Recipient[]> {
  return sql<Recipient[]>`
    select u.id, u.name, u.email from users u
    where u.role = 'manager' and u.organization_id = ${organizationId}
    order by u.id`;
}

/** The names a low-balance message shows. */
export async function allotmentNames(sql: Db, organizationId: string, assessmentId: string): Promise<{ organizationName: string; assessmentName: string } | undefined> {
  const [row] = await sql<{ organizationName: string; assessmentName: string }[]>`
    select o.name as organization_name, a.name as assessment_name
    from organizations o, assessments a where o.id = ${organizationId} and a.id = ${assessmentId}`;
  return row;
}

/** A low-balance event's payload, for the mail that tells of it. */
export async function lowBalanceEventData(sql: Db, eventId: string): Promise<EventPayloads['allotment.low_balance'] | undefined> {
  const [row] = await sql<{ data: EventPayloads['allotment.low_balance'] }[]>`select data from events where id = ${eventId} and type = 'allotment.low_balance'`;
  return row?.data;
}
