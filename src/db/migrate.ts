import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Sql } from './connect';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
// Several processes (API, workers) may start at once; one advisory lock serialises them.
const MIGRATION_LOCK = 7_140_221;

/**
 * Applies every migration not applied yet, in order. `through` (a number such as `'010'`) stops
 * after that migration: tests build a database as an older release left it, then migrate on.
 */
export async function migrate(sql: Sql, opts: { through?: string } = {}): Promise<string[]> {
  const files = (await readdir(migrationsDir))
    .filter((f) => f.endsWith('.sql'))
    .filter((f) => opts.through === undefined || f.split('_')[0]! <= opts.through)
    .sort();
  const applied: string[] = [];
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`;
    const done = new Set((await tx<{ name: string }[]>`select name from schema_migrations`).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.unsafe(await readFile(migrationsDir + file, 'utf8'));
      await tx`insert into schema_migrations (name) values (${file})`;
      applied.push(file);
    }
  });
  return applied;
}
