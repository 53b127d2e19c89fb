import type { Sql } from '../../src/db/connect';
import type { EventPayloads, EventType } from '../../src/domain/events';

export interface RecordedEvent<T extends EventType> {
  id: string;
  type: T;
  organizationId: string | null;
  data: EventPayloads[T];
  createdAt: Date;
}

/**
 * The events of one type recorded so far, oldest first, optionally of one organization: what
 * GET /v1/events?type=… answers (read straight from the table until that endpoint is merged).
 */
export async function eventsOf<T extends EventType>(sql: Sql, type: T, organizationId?: string): Promise<RecordedEvent<T>[]> {
  return sql<RecordedEvent<T>[]>`
    select id, type, organization_id, data, created_at from events
    where type = ${type} ${organizationId ? sql`and organization_id = ${organizationId}` : sql``}
    order by created_at, id`;
}

/** The events of one type whose payload names `key` = `value` (a sale, a purchase, a campaign). */
export async function eventsAbout<T extends EventType>(sql: Sql, type: T, key: string, value: string): Promise<RecordedEvent<T>[]> {
  return sql<RecordedEvent<T>[]>`
    select id, type, organization_id, data, created_at from events
    where type = ${type} and data ->> ${key} = ${value}
    order by created_at, id`;
}
