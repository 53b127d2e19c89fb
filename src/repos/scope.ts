import type postgres from 'postgres';
import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';

/**
 * The one scope mechanism: an SQL condition that is true when the organization in `column`
 * is the caller's organization or one of its descendants. Admins see everything.
 * Used inside every query that lists or reads scoped data, never as a filter afterwards.
 */
export function inScope(sql: Db, principal: Principal, column: string): postgres.PendingQuery<postgres.Row[]> {
  if (principal.role === 'admin') return sql`true`;
  if (!principal.organizationId) return sql`false`;
  return sql`${sql(column)} in (select o.id from organizations o where o.path @> array[${principal.organizationId}::uuid])`;
}

export async function organizationInScope(sql: Db, principal: Principal, organizationId: string): Promise<boolean> {
  const rows = await sql`select 1 from organizations o where o.id = ${organizationId} and ${inScope(sql, principal, 'o.id')}`;
  return rows.length > 0;
}
