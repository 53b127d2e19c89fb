import type { Db } from '../db/connect';
import type { EventType, NewEvent } from '../domain/events';
import type { Principal } from '../domain/principal';
import { notFound } from '../errors';
import { inScope } from './scope';

export interface EventRow {
  id: string;
  type: EventType;
  organizationId: string | null;
  data: unknown;
  createdAt: Date;
}

export async function insertEvent(sql: Db, e: NewEvent): Promise<EventRow> {
  const [row] = await sql<EventRow[]>`
    insert into events (type, organization_id, data) values (${e.type}, ${e.organizationId}, ${sql.json(e.data as never)})
    returning id, type, organization_id, data, created_at`;
  return row!;
}

/** Managers see the events of their organizations; site-wide events (no organization) only admins. */
const visible = (sql: Db, p: Principal) => (p.role === 'admin' ? sql`true` : sql`e.organization_id is not null and ${inScope(sql, p, 'e.organization_id')}`);

export async function getEvent(sql: Db, p: Principal, id: string): Promise<EventRow> {
  const [row] = await sql<EventRow[]>`select e.id, e.type, e.organization_id, e.data, e.created_at from events e where e.id = ${id} and ${visible(sql, p)}`;
  if (!row) throw notFound('Event');
  return row;
}

/** Newest first; `before` is the (createdAt, id) of the last row of the previous page. */
export async function listEvents(
  sql: Db,
  p: Principal,
  q: { type?: string; organizationId?: string; since?: Date; before?: { createdAt: Date; id: string }; limit: number },
): Promise<EventRow[]> {
  return sql<EventRow[]>`
    select e.id, e.type, e.organization_id, e.data, e.created_at from events e
    where ${visible(sql, p)}
      ${q.type ? sql`and e.type = ${q.type}` : sql``}
      ${q.organizationId ? sql`and e.organization_id = ${q.organizationId}` : sql``}
      ${q.since ? sql`and e.created_at >= ${q.since}` : sql``}
      ${q.before ? sql`and (e.created_at, e.id) < (${q.before.createdAt}, ${q.before.id})` : sql``}
    order by e.created_at desc, e.id desc limit ${q.limit}`;
}
