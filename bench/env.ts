// The system under measurement, fresh on this machine: PostgreSQL, a Temporal dev server,
// stripe-mock, and the API and the worker as processes of their own (as `npm run api` and
// `npm run worker` run them), driven from this process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { connectDatabase } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from '../src/embedded/postgres';
import { createLogger } from '../src/logger';
import { bootstrapAdmin } from '../src/platform/bootstrap';
import { connectTemporal } from '../src/temporal/connection';
import { startDevServer } from '../src/temporal/dev-server';
import { installTemporalRuntime } from '../src/temporal/runtime';
import { projectRoot } from '../src/tools/paths';
import { resolveStripeMock, resolveTemporalCli } from '../src/tools/resolve';

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** Spawns `bench/<file>` under tsx and waits for its `ready …` line. */
async function spawnReady(file: string, env: Record<string, string>): Promise<{ child: ChildProcess; line: string }> {
  // BENCH_CPU_PROF=<dir>: each process writes a V8 CPU profile there when it stops (to see where a path spends).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', join('bench', file)], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  return new Promise((ok, fail) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('ready'));
      if (line) ok({ child, line });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${file} exited with ${code} before it was ready:\n${out}`)));
  });
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

export type Reply = { status: number; body: any };

const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by each process tree whose root's command line matches a pattern (Linux /proc). */
async function cpuSeconds(roots: Record<string, { root: (pid: number, cmdline: string) => boolean; tree: boolean }>): Promise<Record<string, number>> {
  const { readdir } = await import('node:fs/promises');
  const procs = new Map<number, { ppid: number; ticks: number; cmdline: string }>();
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ');
      procs.set(pid, { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), cmdline });
    } catch {
      // the process ended meanwhile
    }
  }
  const out: Record<string, number> = {};
  for (const [name, { root, tree }] of Object.entries(roots)) {
    const members = new Set([...procs].filter(([pid, p]) => root(pid, p.cmdline)).map(([pid]) => pid));
    let grew = tree;
    while (grew) {
      grew = false;
      for (const [pid, p] of procs) {
        if (!members.has(pid) && members.has(p.ppid)) {
          members.add(pid);
          grew = true;
        }
      }
    }
    out[name] = [...members].reduce((a, pid) => a + procs.get(pid)!.ticks, 0) / TICKS_PER_SECOND;
  }
  return out;
}

export async function startBenchEnv() {
  const logger = createLogger('warn');
  installTemporalRuntime(logger);
  const dir = join(projectRoot, '.bench-data');
  await rm(dir, { recursive: true, force: true });
  const [cli, stripeMock] = await Promise.all([resolveTemporalCli((l) => logger.info(l)), resolveStripeMock((l) => logger.info(l))]);
  const stripePort = await freePort();
  const stripe = spawn(stripeMock.path!, ['-http-port', String(stripePort), '-https-port', String(await freePort())], { stdio: 'ignore' });
  children.add(stripe);
  const [pg, devServer] = await Promise.all([
    startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort() }),
    startDevServer({ executable: cli, port: await freePort() }),
  ]);
  await ensureDatabase(pg.baseUrl, 'bench');
  const sql = connectDatabase(pg.urlFor('bench'), { max: 40 });
  await migrate(sql);
  const token = (await bootstrapAdmin(sql))!;
  const conns = await connectTemporal({ address: devServer.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TLS: false, TEMPORAL_TLS_CERT_PATH: undefined, TEMPORAL_TLS_KEY_PATH: undefined, TEMPORAL_API_KEY: undefined });
  const taskQueue = 'bench';
  const processEnv = {
    BENCH_DATABASE_URL: pg.urlFor('bench'),
    BENCH_TEMPORAL_ADDRESS: devServer.address,
    BENCH_TASK_QUEUE: taskQueue,
    BENCH_STRIPE_URL: `http://127.0.0.1:${stripePort}`,
  };
  const [api, worker] = await Promise.all([spawnReady('api-process.ts', processEnv), spawnReady('worker-process.ts', processEnv)]);
  const baseUrl = `http://127.0.0.1:${api.line.split(' ')[1]}`;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, as: string | null = token): Promise<Reply> => {
    const raw = typeof body === 'string';
    const res = await fetch(baseUrl + path, {
      method,
      headers: { ...(as ? { authorization: `Bearer ${as}` } : {}), ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as any };
  };

  /** Resident memory of the worker process, in MiB (Linux /proc). */
  const workerRssMiB = async () => {
    const status = await readFile(`/proc/${worker.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
  };

  const devPort = devServer.address.split(':').pop()!;
  /** CPU seconds so far per part of the system: where a path spends the machine. */
  const cpu = () =>
    cpuSeconds({
      api: { root: (pid) => pid === api.child.pid, tree: true },
      worker: { root: (pid) => pid === worker.child.pid, tree: true },
      temporal: { root: (_pid, cmd) => cmd.includes('start-dev') && cmd.includes(`--port ${devPort} `), tree: true },
      postgres: { root: (_pid, cmd) => cmd.includes('.bench-data/postgres') && cmd.includes(' -D '), tree: true },
      driver: { root: (pid) => pid === process.pid, tree: false },
    });

  return {
    sql,
    client: conns.client,
    cpu,
    taskQueue,
    baseUrl,
    adminToken: token,
    call,
    workerRssMiB,
    async stop() {
      await stopChild(api.child);
      await stopChild(worker.child);
      await conns.close();
      await sql.end();
      await devServer.stop();
      await pg.stop();
      stripe.kill();
    },
  };
}

export type BenchEnv = Awaited<ReturnType<typeof startBenchEnv>>;
