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

/**
 * A page in `by` order (then id, so the order is total): the next `limit` rows after the row whose
 * uuid `after` names. The cursor carries only that id; where the row stands in the order is read
 * from the row itself, so one kind of cursor serves every order. `desc`: newest (largest) first.
 */
export function orderedPage(sql: Db, o: { table: string; alias: string; by: string; desc?: boolean }, q: Page): Fragment {
  const [by, id] = [sql(`${o.alias}.${o.by}`), sql(`${o.alias}.id`)];
  // The anchor's value is a scalar subquery (computed once), so the row comparison is an index
  // condition on (by, id) and each page reads only its own rows.
  const after = q.after
    ? sql`and (${by}, ${id}) ${o.desc ? sql`<` : sql`>`} ((select a.${sql(o.by)} from ${sql(o.table)} a where a.id = ${q.after}), ${q.after}::uuid)`
    : sql``;
  const direction = o.desc ? sql`desc` : sql`asc`;
  return sql`${after} order by ${by} ${direction}, ${id} ${direction} limit ${q.limit}`;
}

/** Newest first by `created_at` (or another instant column): the order of most lists. */
export const newestFirst = (sql: Db, table: string, alias: string, q: Page, by = 'created_at'): Fragment =>
  orderedPage(sql, { table, alias, by, desc: true }, q);

/**
 * `<column> like '%<q>%'` for a search term a user typed: the term's LIKE wildcards match as
 * themselves. `fold`: the term folded (case and accents ignored: fold_for_search, migration 011)
 * to meet a column stored folded (`name_search`), or, with `foldColumn`, a column folded here
 * (small lists without a stored folded column); otherwise the term is lower-cased to meet a
 * lower-case column (e-mail addresses).
 */
export function contains(sql: Db, column: string, q: string, o: { fold?: boolean; foldColumn?: boolean } = {}): Fragment {
  const term = o.fold ? sql`fold_for_search(${q})` : sql`lower(${q})`;
  const target = o.foldColumn ? sql`fold_for_search(${sql(column)})` : sql(column);
  return sql`${target} like '%' || replace(replace(replace(${term}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
}
