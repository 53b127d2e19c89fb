import type { Db } from '../../db/connect';
import type { SalesType } from '../../domain/sales/types';

export interface Distribution {
  id: string;
  name: string;
  /** Minor units per user, keyed by ISO-4217 currency. */
  unitPrices: Record<string, number>;
  keyLengthDays: number;
  salesTypes: SalesType[];
  createdAt: Date;
}

export interface DistributionInput {
  name: string;
  unitPrices: Record<string, number>;
  keyLengthDays: number;
  salesTypes: SalesType[];
}

const select = (sql: Db) => sql`
  select d.id, d.name, d.key_length_days, d.sales_types, d.created_at,
         coalesce((select jsonb_object_agg(p.currency, p.unit_amount) from distribution_prices p where p.distribution_id = d.id), '{}') as unit_prices
  from distributions d`;

export async function insertDistribution(sql: Db, input: DistributionInput): Promise<Distribution> {
  const [row] = await sql<{ id: string }[]>`
    insert into distributions (name, key_length_days, sales_types)
    values (${input.name}, ${input.keyLengthDays}, ${input.salesTypes}) returning id`;
  const prices = Object.entries(input.unitPrices).map(([currency, unitAmount]) => ({ distributionId: row!.id, currency, unitAmount }));
  if (prices.length) await sql`insert into distribution_prices ${sql(prices as never[])}`;
  return (await findDistribution(sql, row!.id))!;
}

export async function findDistribution(sql: Db, id: string): Promise<Distribution | undefined> {
  const [row] = await sql<Distribution[]>`${select(sql)} where d.id = ${id}`;
  return row;
}

export async function findDistributions(sql: Db, ids: string[]): Promise<Map<string, Distribution>> {
  const rows = ids.length ? await sql<Distribution[]>`${select(sql)} where d.id = any(${ids}::uuid[])` : [];
  return new Map(rows.map((d) => [d.id, d]));
}

export async function listDistributions(sql: Db, page: { after?: string; limit: number }): Promise<Distribution[]> {
  return sql<Distribution[]>`
    ${select(sql)} ${page.after ? sql`where d.id > ${page.after}` : sql``}
    order by d.id limit ${page.limit}`;
}
