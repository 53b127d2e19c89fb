import type { Db } from '../db/connect';

/** Tables whose rows are created in the same transaction that starts their workflow (add yours). */
export const RECORD_TABLES = { purchase: 'purchases', job: 'jobs', sale: 'sales', campaign: 'campaigns', subscription: 'subscriptions', aggregator: 'aggregators' } as const;
export type RecordKind = keyof typeof RECORD_TABLES;

/** Whether the row a workflow was started for is visible (its creating transaction committed). */
export async function recordExists(sql: Db, kind: RecordKind, id: string): Promise<boolean> {
  const [row] = await sql`select 1 from ${sql(RECORD_TABLES[kind])} where id = ${id}`;
  return row !== undefined;
}
