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
  /** created_at in microseconds, for the list cursor. */
  createdUs: number;
}

const COLUMNS = (sql: Db) => sql`e.id, e.type, e.organization_id, e.data, e.created_at, (extract(epoch from e.created_at) * 1000000)::bigint as created_us`;

export async function insertEvent(sql: Db, e: NewEvent): Promise<EventRow> {
  const [row] = await sql<EventRow[]>`
    insert into events as e (type, organization_id, data) values (${e.type}, ${e.organizationId}, ${sql.json(e.data as never)})
    returning ${COLUMNS(sql)}`;
  return row!;
}

/** Managers see the events of their organizations; site-wide events (no organization) only admins. */
const visible = (sql: Db, p: Principal) => (p.role === 'admin' ? sql`true` : sql`e.organization_id is not null and ${inScope(sql, p, 'e.organization_id')}`);

export async function getEvent(sql: Db, p: Principal, id: string): Promise<EventRow> {
  const [row] = await sql<EventRow[]>`select ${COLUMNS(sql)} from events e where e.id = ${id} and ${visible(sql, p)}`;
  if (!row) throw notFound('Event');
  return row;
}

/** Newest first; `after` is the cursor key of the previous page's last event (`<createdUs>_<id>`, src/domain/cursor.ts). */
export async function listEvents(
  sql: Db,
  p: Principal,
  q: { type?: string; organizationId?: string; since?: Date; after?: string; limit: number },
): Promise<EventRow[]> {
  const [afterUs, afterId] = q.after ? q.after.split('_') : [];
  const createdUs = sql`(extract(epoch from e.created_at) * 1000000)::bigint`;
  return sql<EventRow[]>`
    select ${COLUMNS(sql)} from events e
    where ${visible(sql, p)}
      ${q.type ? sql`and e.type = ${q.type}` : sql``}
      ${q.organizationId ? sql`and e.organization_id = ${q.organizationId}` : sql``}
      ${q.since ? sql`and e.created_at >= ${q.since}` : sql``}
      ${afterUs && afterId ? sql`and (${createdUs}, e.id) < (${Number(afterUs)}::bigint, ${afterId}::uuid)` : sql``}
    order by e.created_at desc, e.id desc limit ${q.limit}`;
}
