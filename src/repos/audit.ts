import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';
import { inScope } from './scope';

export interface AuditEntry {
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Record a state change; call it inside the transaction that makes the change. */
export async function recordAudit(sql: Db, e: AuditEntry): Promise<void> {
  await sql`
    insert into audit_events (actor, entity, entity_id, action, organization_id, before, after)
    values (${e.actor}, ${e.entity}, ${e.entityId}, ${e.action}, ${e.organizationId ?? null},
            ${e.before === undefined ? null : sql.json(e.before as never)},
            ${e.after === undefined ? null : sql.json(e.after as never)})`;
}

/** Several state changes recorded in one statement (one round trip however many). */
export async function recordAudits(sql: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await sql`
    insert into audit_events (actor, entity, entity_id, action, organization_id, before, after)
    select * from unnest(${entries.map((e) => e.actor)}::text[], ${entries.map((e) => e.entity)}::text[], ${entries.map((e) => e.entityId)}::text[],
                         ${entries.map((e) => e.action)}::text[], ${entries.map((e) => e.organizationId ?? null)}::uuid[],
                         ${entries.map((e) => json(e.before))}::jsonb[], ${entries.map((e) => json(e.after))}::jsonb[])`;
}

export interface AuditEvent {
  id: number;
  at: Date;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  organizationId: string | null;
  before: unknown;
  after: unknown;
}

export async function listAuditEvents(sql: Db, p: Principal, q: { entity: string; id: string; after?: string; limit: number }): Promise<AuditEvent[]> {
  return sql<AuditEvent[]>`
    select id, at, actor, entity, entity_id, action, organization_id, before, after
    from audit_events a
    where entity = ${q.entity} and entity_id = ${q.id}
      and ${p.role === 'admin' ? sql`true` : sql`a.organization_id is not null and ${inScope(sql, p, 'a.organization_id')}`}
      ${q.after ? sql`and id > ${Number(q.after)}` : sql``}
    order by id limit ${q.limit}`;
}
