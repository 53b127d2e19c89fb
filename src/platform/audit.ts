import type { Principal } from '../domain/principal';
import { listAuditEvents as readAuditEvents, type AuditEvent } from '../repos/audit';
import type { Services } from './services';

export type { AuditEvent };

/** State changes of one entity, oldest first; managers see events of their organizations only. */
export function listAuditEvents(s: Pick<Services, 'sql'>, p: Principal, q: { entity: string; id: string; after?: string; limit: number }): Promise<AuditEvent[]> {
  return readAuditEvents(s.sql, p, q);
}
