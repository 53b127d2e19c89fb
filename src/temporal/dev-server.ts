import { spawn } from 'node:child_process';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { searchAttributeKeys } from '../../workflows/platform/search-attribute-definitions';
import { listProcesses, portBusy, processInfo, stopProcess, type ProcessInfo } from '../embedded/processes';
import { describeFailure, StartupError } from '../startup-error';
import type { ResolvedTool } from '../tools/resolve';

export interface DevServer {
  address: string;
  uiUrl?: string;
  /** The dev server's process id, when it could be found (recorded in `pidFile`). */
  pid?: number;
  stop(): Promise<void>;
}

/** How long a dev server an earlier run left behind gets to shut down (SIGTERM) before SIGKILL. */
const LEFTOVER_SHUTDOWN_MS = 15_000;

const isDevServer = (p: ProcessInfo, dbFilename: string | undefined) =>
  p.command.includes('start-dev') && (dbFilename === undefined || p.command.includes(`--db-filename ${dbFilename}`));

/**
 * The dev server an earlier run started on the same history file and left running when it was
 * killed: the one recorded in `pidFile` if that process is still a dev server, else any dev
 * server on `dbFilename`. It is stopped (SIGTERM: the dev server shuts down cleanly and the
 * SQLite file keeps every workflow) so this run starts its own on the same history.
 */
async function stopLeftoverDevServer(pidFile: string, dbFilename: string | undefined, log: (line: string) => void): Promise<void> {
  const recorded = await readFile(pidFile, 'utf8').then((t) => Number(JSON.parse(t).pid), () => undefined);
  const owner = recorded !== undefined ? await processInfo(recorded) : undefined;
  const leftovers = owner && isDevServer(owner, dbFilename) ? [owner] : [];
  if (!leftovers.length && dbFilename !== undefined) {
    leftovers.push(...(await listProcesses()).filter((p) => p.pid !== process.pid && isDevServer(p, dbFilename)));
  }
  for (const p of leftovers) {
    log(`stopping the Temporal dev server (pid ${p.pid}) that an earlier run left running`);
    if (!(await stopProcess(p.pid, 'SIGTERM', LEFTOVER_SHUTDOWN_MS))) {
      throw new StartupError('Temporal dev server', `the one an earlier run left running (pid ${p.pid}) does not stop`, `stop process ${p.pid} yourself (kill -9 ${p.pid}), then start again`);
    }
  }
  await rm(pidFile, { force: true });
}

/** Our own dev server: the child of this process serving `port`. */
async function ownDevServer(port: string): Promise<ProcessInfo | undefined> {
  return (await listProcesses()).find((p) => p.ppid === process.pid && p.command.includes('start-dev') && p.command.includes(`--port ${port}`));
}

async function refuseBusyPorts(ports: { port: number | undefined; variable: string }[]): Promise<void> {
  for (const { port, variable } of ports) {
    if (port !== undefined && (await portBusy(port))) {
      throw new StartupError(
        `Temporal dev server could not start on port ${port}`,
        'another program is already listening on that port',
        `stop that program (e.g. find it with: lsof -i :${port}), or set ${variable} to a free port`,
      );
    }
  }
}

/**
 * A Temporal dev server (Temporal CLI `server start-dev`) with the project's search attributes.
 * `executable.path` undefined → the SDK downloads the CLI (needs internet).
 * `pidFile`: where its process id is recorded, so the next start can find it if this process is
 * killed without stopping it (npm start keeps it in DATA_DIR).
 */
export async function startDevServer(opts: {
  executable: ResolvedTool;
  dbFilename?: string;
  port?: number;
  uiPort?: number;
  namespace?: string;
  pidFile?: string;
  /** What this code does beyond the usual (stopping a dev server an earlier run left behind). */
  notice?: (line: string) => void;
  /**
   * Run it in a process group of its own (needs `executable.path` and `port`), so a signal to the
   * starting process's group (Ctrl-C, systemd, Docker) does not stop it under a worker that is
   * still draining: the starter stops it, last. Killed starters leave it to the next start.
   */
  ownProcessGroup?: boolean;
}): Promise<DevServer> {
  if (opts.pidFile) await stopLeftoverDevServer(opts.pidFile, opts.dbFilename, (line) => opts.notice?.(line));
  await refuseBusyPorts([
    { port: opts.port, variable: 'TEMPORAL_DEV_PORT' },
    { port: opts.uiPort, variable: 'TEMPORAL_UI_PORT' },
  ]);
  if (opts.ownProcessGroup && opts.executable.path && opts.port !== undefined) {
    return startDetached({ ...opts, path: opts.executable.path, port: opts.port });
  }
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: opts.executable.path ? { type: 'existing-path', path: opts.executable.path } : { type: 'cached-download' },
      dbFilename: opts.dbFilename,
      port: opts.port,
      ui: opts.uiPort !== undefined,
      uiPort: opts.uiPort,
      namespace: opts.namespace,
      searchAttributes: searchAttributeKeys,
      log: { format: 'pretty', level: 'warn' },
      // WAL keeps the SQLite file consistent across crashes and lets readers run beside the writer.
      extraArgs: opts.dbFilename ? ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL'] : [],
    },
  }).catch((err: unknown) => {
    throw new StartupError(
      'Temporal dev server did not start',
      describeFailure(err),
      `check the Temporal CLI (${opts.executable.path ?? 'downloaded by the SDK'}; TEMPORAL_CLI_PATH to use another) and that ${opts.dbFilename ?? 'its history file'} is writable`,
    );
  });
  const pid = opts.pidFile ? (await ownDevServer(env.address.split(':').at(-1)!))?.pid : undefined;
  if (opts.pidFile && pid) await writeFile(opts.pidFile, JSON.stringify({ pid, address: env.address, dbFilename: opts.dbFilename }) + '\n');
  return {
    address: env.address,
    uiUrl: opts.uiPort !== undefined ? `http://localhost:${opts.uiPort}` : undefined,
    pid,
    async stop() {
      await env.teardown();
      if (opts.pidFile) await rm(opts.pidFile, { force: true });
    },
  };
}

/** How long a dev server we started gets to stop (SIGTERM) before SIGKILL. */
const STOP_GRACE_MS = 15_000;

/** The dev server as its own process-group leader (see `ownProcessGroup`), ready once its frontend answers. */
async function startDetached(opts: { path: string; port: number; uiPort?: number; dbFilename?: string; namespace?: string; pidFile?: string }): Promise<DevServer> {
  const address = `127.0.0.1:${opts.port}`;
  const args = [
    'server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--namespace', opts.namespace ?? 'default',
    '--log-format', 'pretty', '--log-level', 'warn',
    '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    ...(opts.uiPort !== undefined ? ['--ui-port', String(opts.uiPort)] : ['--headless']),
    ...(opts.dbFilename ? ['--db-filename', opts.dbFilename, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL'] : []),
    ...searchAttributeKeys.flatMap((k) => ['--search-attribute', `${k.name}=${k.type === 'KEYWORD_LIST' ? 'KeywordList' : 'Keyword'}`]),
  ];
  // Its output goes to a file beside its pid file (a pipe would break when this process exits first).
  const logFile = opts.pidFile ? join(dirname(opts.pidFile), 'temporal-dev-server.log') : undefined;
  const out = logFile ? await open(logFile, 'a') : undefined;
  const child = spawn(opts.path, args, { detached: true, stdio: ['ignore', out?.fd ?? 'ignore', out?.fd ?? 'ignore'] });
  await out?.close();
  const said = async () => (logFile ? (await readFile(logFile, 'utf8').catch(() => '')).slice(-1_000).trim() : '');
  const pid = child.pid;
  const fail = (why: string) =>
    new StartupError('Temporal dev server did not start', why, `check the Temporal CLI (${opts.path}; TEMPORAL_CLI_PATH to use another) and that ${opts.dbFilename ?? 'its history file'} is writable`);
  if (pid === undefined) throw fail('it could not be run');
  if (opts.pidFile) await writeFile(opts.pidFile, JSON.stringify({ pid, address, dbFilename: opts.dbFilename }) + '\n');
  const stop = async () => {
    await stopProcess(pid, 'SIGTERM', STOP_GRACE_MS);
    if (opts.pidFile) await rm(opts.pidFile, { force: true });
  };
  for (const deadline = Date.now() + 60_000; ; await new Promise((ok) => setTimeout(ok, 250))) {
    if (child.exitCode !== null || child.signalCode !== null) throw fail((await said()) || `it exited (${child.exitCode ?? child.signalCode})`);
    const ready = await Connection.connect({ address, connectTimeout: 1_000 })
      .then(async (c) => {
        try {
          await c.workflowService.getSystemInfo({});
          return true;
        } finally {
          await c.close();
        }
      })
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw fail('its frontend did not answer within 60 s');
    }
  }
  child.unref();
  return { address, uiUrl: opts.uiPort !== undefined ? `http://localhost:${opts.uiPort}` : undefined, pid, stop };
}
