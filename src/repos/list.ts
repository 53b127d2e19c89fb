// Fragments the list queries share: a list's optional filters and its keyset page.
import type postgres from 'postgres';
import type { Db } from '../db/connect';

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** A page of a list: the rows after `after` (the previous page's last key), at most `limit`. */
export interface Page {
  after?: string;
  limit: number;
}

/**
 * `and <column> = <value>` for each filter that is set and nothing for one left out: the optional
 * filters of a list (`?organizationId=…&status=…`). Column names come from code, never from input.
 */
export function andEqual(sql: Db, filters: Record<string, string | undefined>): Fragment {
  return Object.entries(filters).reduce((acc, [column, value]) => (value ? sql`${acc} and ${sql(column)} = ${value}` : acc), sql``);
}

/** The next `limit` rows after `after` (the last row of the previous page) in `column` order. */
export function keysetPage(sql: Db, column: string, q: Page): Fragment {
  return sql`${q.after ? sql`and ${sql(column)} > ${q.after}` : sql``} order by ${sql(column)} limit ${q.limit}`;
}
