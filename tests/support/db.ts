import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import postgres from 'postgres';
import { connectDatabase, type Sql } from '../../src/db/connect';

export interface TestDatabase {
  url: string;
  sql: Sql;
  drop(): Promise<void>;
}

/** A real, migrated PostgreSQL database of its own, cloned from the template in milliseconds. */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(inject('pgUrlTemplate').replace('{db}', 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${inject('templateDatabase')}"`);
  await admin.end();
  const url = inject('pgUrlTemplate').replace('{db}', name);
  const sql = connectDatabase(url, { max: 20 });
  return {
    url,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const a = postgres(inject('pgUrlTemplate').replace('{db}', 'postgres'), { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
