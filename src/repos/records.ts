import type { Db } from '../db/connect';

/** Tables whose rows are created in the same transaction that starts their workflow (add yours). */
export const RECORD_TABLES = { purchase: 'purchases', job: 'jobs', sale: 'sales', campaign: 'campaigns', subscription: 'subscriptions', aggregator: 'aggregators' } as const;
export type RecordKind = keyof typeof RECORD_TABLES;

/** The status of the row a workflow was started for; null while it is not visible (its creating transaction has not committed). */
export async function recordStatus(sql: Db, kind: RecordKind, id: string): Promise<string | null> {
  const [row] = await sql<{ status: string }[]>`select status from ${sql(RECORD_TABLES[kind])} where id = ${id}`;
  return row?.status ?? null;
}
