import postgres from 'postgres';

/** One handle to the database; repositories take it (or a transaction) as their first parameter. */
export type Sql = postgres.Sql<Record<string, never>>;
/** A transaction handle or the pool: anything a repository can query through. */
export type Db = Sql | postgres.TransactionSql<Record<string, never>>;

export function connectDatabase(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    transform: postgres.camel,
    onnotice: () => {},
    types: {
      // count(*) and bigint sums are exact integers well inside 2^53 here.
      bigint: { to: 20, from: [20], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
    },
  }) as unknown as Sql;
}
