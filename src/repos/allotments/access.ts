import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import type { Principal } from '../../domain/principal';

/** Managers work with the assessments they are linked to; admins with all. */
export function assessmentInScope(sql: Db, principal: Principal, column: string): postgres.PendingQuery<postgres.Row[]> {
  if (principal.role === 'admin') return sql`true`;
  return sql`${sql(column)} in (select ua.assessment_id from user_assessments ua where ua.user_id = ${principal.userId})`;
}
