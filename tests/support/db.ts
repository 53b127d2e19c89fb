import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import postgres from 'postgres';
import { connectDatabase, type Sql } from '../../src/db/connect';

export interface TestDatabase {
  url: string;
  sql: Sql;
  drop(): Promise<void>;
}

const urlOf = (database: string) => inject('pgUrlTemplate').replace('{db}', database);

/** Runs one statement from the server's maintenance database: a database cannot create or drop itself. */
async function onServer(statement: string): Promise<void> {
  const admin = postgres(urlOf('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(statement);
  await admin.end();
}

/** A database of its own, copied from `template` (PostgreSQL's empty default when none is named). */
async function createDatabase(template: string | undefined, max: number): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await onServer(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  const url = urlOf(name);
  const sql = connectDatabase(url, { max });
  return {
    url,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      await onServer(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** A real, migrated PostgreSQL database of its own, cloned from the template in milliseconds. */
export const freshDatabase = (): Promise<TestDatabase> => createDatabase(inject('templateDatabase'), 20);

/** An empty database, for a test that runs the migrations itself up to an older release. */
export const scratchDatabase = (): Promise<TestDatabase> => createDatabase(undefined, 2);
