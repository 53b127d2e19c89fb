import type { Db } from '../db/connect';

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
