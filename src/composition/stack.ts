import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../../api/app';
import type { ActivityDeps } from '../../activities';
import type { Config } from '../config';
import { connectDatabase, type Sql } from '../db/connect';
import { migrate } from '../db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from '../embedded/postgres';
import { processInfo } from '../embedded/processes';
import type { Logger } from '../logger';
import { createMailer } from '../mail';
import { describeFailure, StartupError } from '../startup-error';
import { createStripe } from '../stripe';
import { connectTemporal, type TemporalConnections } from '../temporal/connection';
import { registerSearchAttributes } from '../temporal/register-search-attributes';
import { startDevServer, type DevServer } from '../temporal/dev-server';
import { installTemporalRuntime } from '../temporal/runtime';
import { ensureSchedules } from '../temporal/schedules';

import { listenHttp } from './http-server';
import { resolveSecretsKey } from './secrets-key';
import { createWorker, startHandoffDrain } from './worker';
import { resolveTemporalCli } from '../tools/resolve';

type Stop = () => Promise<void>;

/** Where `npm start` records its process id, so a second start on the same DATA_DIR is refused. */
const DATA_DIR_OWNER = 'npm-start.pid';

/** A start-up step: whatever it throws becomes a StartupError saying what failed and what to do. */
async function step<T>(what: string, todo: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof StartupError) throw err;
    throw new StartupError(what, describeFailure(err), todo);
  }
}

/** The host and port of a database URL, never its credentials. */
const hostOf = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
};

/** Pieces of the running system; each entry point opens the ones it needs and stops them in reverse. */
export class Stack {
  private readonly stops: Stop[] = [];
  constructor(
    readonly config: Config,
    readonly logger: Logger,
  ) {
    installTemporalRuntime(logger);
  }

  onStop(stop: Stop) {
    this.stops.push(stop);
  }

  async stop() {
    for (const stop of this.stops.reverse()) {
      await stop().catch((err) => this.logger.warn({ err }, 'error while stopping'));
    }
  }

  private dataDirOwned = false;

  /**
   * The embedded servers keep their data under DATA_DIR: one `npm start` at a time may use it. A
   * recorded owner that is no longer running was killed; its leftover servers are then stopped
   * by the steps that start them again.
   */
  private async ownDataDir(): Promise<void> {
    if (this.dataDirOwned) return;
    const dir = resolve(this.config.DATA_DIR);
    const file = join(dir, DATA_DIR_OWNER);
    await step(`DATA_DIR ${dir}`, 'check that DATA_DIR names a writable directory', () => mkdir(dir, { recursive: true }));
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    const owner = pid && pid !== process.pid ? await processInfo(pid) : undefined;
    if (owner?.command.includes('composition/main')) {
      throw new StartupError(
        `DATA_DIR ${dir}`,
        `another npm start (pid ${pid}) is running on it`,
        `stop that one first (Ctrl-C in its terminal, or kill ${pid}), or give this one its own DATA_DIR and ports`,
      );
    }
    await writeFile(file, `${process.pid}\n`);
    this.dataDirOwned = true;
    this.onStop(() => rm(file, { force: true }));
  }

  /** DATABASE_URL, or an embedded PostgreSQL under DATA_DIR. Migrations are applied either way. */
  async database(): Promise<Sql> {
    let url = this.config.DATABASE_URL;
    const where = url ? `PostgreSQL at ${hostOf(url)}` : 'Embedded PostgreSQL';
    if (!url) {
      await this.ownDataDir();
      const dir = resolve(this.config.DATA_DIR, 'postgres');
      this.logger.info({ dir }, 'starting embedded PostgreSQL');
      const pg = await step(where, `look at ${dir}; set EMBEDDED_POSTGRES_PORT if the port is taken`, () =>
        startEmbeddedPostgres({
          dataDir: dir,
          port: this.config.EMBEDDED_POSTGRES_PORT,
          onLog: (line) => this.logger.debug({ component: 'postgres' }, line),
          notice: (line) => this.logger.warn(line),
        }),
      );
      this.onStop(() => pg.stop());
      await step(where, 'start again with LOG_LEVEL=debug to see what PostgreSQL says', () => ensureDatabase(pg.baseUrl, 'partnerflow'));
      url = pg.urlFor('partnerflow');
    }
    const sql = connectDatabase(url);
    this.onStop(() => sql.end({ timeout: 5 }));
    const applied = await step(
      `${where}: connecting and applying migrations`,
      this.config.DATABASE_URL ? 'check that the server runs and DATABASE_URL (host, port, user, password, database) is right' : 'start again with LOG_LEVEL=debug to see what PostgreSQL says',
      () => migrate(sql),
    );
    if (applied.length) this.logger.info({ applied }, 'migrations applied');
    return sql;
  }

  /** TEMPORAL_ADDRESS, or a dev server (with Web UI) whose history lives under DATA_DIR. */
  async temporal(): Promise<{ conns: TemporalConnections; devServer?: DevServer }> {
    let address = this.config.TEMPORAL_ADDRESS;
    let devServer: DevServer | undefined;
    if (!address) {
      await this.ownDataDir();
      const executable = await step('Temporal CLI', 'set TEMPORAL_CLI_PATH to a temporal executable (see README, Servers without internet)', () =>
        resolveTemporalCli((line) => this.logger.info(line), (line) => this.logger.debug({ component: 'build' }, line)),
      );
      this.logger.info({ executable: executable.path ?? 'SDK download', source: executable.source }, 'starting Temporal dev server');
      const dataDir = resolve(this.config.DATA_DIR);
      devServer = await step('Temporal dev server', 'set TEMPORAL_DEV_PORT / TEMPORAL_UI_PORT if a port is taken', () =>
        startDevServer({
          executable,
          dbFilename: join(dataDir, 'temporal.sqlite'),
          port: this.config.TEMPORAL_DEV_PORT,
          uiPort: this.config.TEMPORAL_UI_PORT,
          namespace: this.config.TEMPORAL_NAMESPACE,
          pidFile: join(dataDir, 'temporal-dev-server.pid'),
          notice: (line) => this.logger.warn(line),
          ownProcessGroup: true,
        }),
      );
      this.onStop(() => devServer!.stop());
      address = devServer.address;
    }
    const target = address;
    const conns = await step(
      `Temporal at ${target}`,
      this.config.TEMPORAL_ADDRESS ? 'check that the Temporal frontend runs and TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and the TLS / API-key settings are right' : 'look at the dev server output above, or check that TEMPORAL_DEV_PORT is free',
      () => connectTemporal({ ...this.config, address: target }),
    );
    this.onStop(() => conns.close());
    if (!devServer) {
      await registerSearchAttributes(conns.connection, this.config.TEMPORAL_NAMESPACE).catch((err) =>
        this.logger.warn({ err: String(err) }, 'could not register search attributes; register PartnerflowKind, PartnerflowStatus, PartnerflowOrganizationId, PartnerflowGroupId, PartnerflowEndpointId, PartnerflowEventId (Keyword), PartnerflowNeedsAttention (KeywordList) on the namespace'),
      );
    }
    return { conns, devServer };
  }

  activityDeps(sql: Sql, conns: TemporalConnections): ActivityDeps {
    return {
      sql,
      stripe: createStripe({ secretKey: this.config.STRIPE_SECRET_KEY, apiUrl: this.config.STRIPE_API_URL }),
      mail: createMailer({ smtpUrl: this.config.SMTP_URL, from: this.config.MAIL_FROM, dataDir: this.config.DATA_DIR }),
      logger: this.logger.child({ component: 'activity' }),
      temporal: conns.client,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      config: { ...this.config, SECRETS_KEY: resolveSecretsKey(this.config) },
    };
  }

  async worker(deps: ActivityDeps, conns: TemporalConnections): Promise<Worker> {
    const worker = await step('Temporal worker', 'check the Temporal connection settings; an error about the workflow bundle means the workflow code does not build', async () =>
      createWorker({
        connection: await conns.nativeConnection(),
        namespace: this.config.TEMPORAL_NAMESPACE,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        deps,
        shutdownGraceMs: this.config.WORKER_SHUTDOWN_GRACE_MS,
      }),
    );
    await step('Temporal schedules', 'register the search attributes PartnerflowKind, PartnerflowStatus, PartnerflowOrganizationId, PartnerflowGroupId, PartnerflowEndpointId, PartnerflowEventId (Keyword), PartnerflowNeedsAttention (KeywordList) on the namespace (README, Temporal Cloud)', () =>
      ensureSchedules(conns.client, this.config.TEMPORAL_TASK_QUEUE),
    );
    const running = worker.run();
    const stopDrain = startHandoffDrain(deps);
    this.onStop(async () => {
      await stopDrain();
      worker.shutdown();
      await running;
    });
    running.catch((err) => this.logger.error({ err }, 'worker stopped with an error'));
    return worker;
  }

  async api(deps: ActivityDeps): Promise<string> {
    const app = createApp({ ...deps, config: { ...this.config, SECRETS_KEY: deps.config.SECRETS_KEY }, logger: this.logger.child({ component: 'api' }) });
    const http = await listenHttp(app.fetch, { port: this.config.PORT, limits: this.config });
    this.onStop(() => http.close());
    return `http://localhost:${http.port}`;
  }

  /**
   * Stops everything on SIGINT/SIGTERM, once, whichever process of `npm start` / `npm run …` got
   * the signal:
   * - The same stop request often arrives twice: a signal to the whole process group (systemd,
   *   Docker, Ctrl-C in a terminal) reaches this process and npm, and npm relays it. Signals
   *   within REPEAT_WINDOW_MS of the first are that same request; a signal after it (a person
   *   pressing Ctrl-C again) exits at once, without waiting.
   * - Started by npm, this process also stops when npm goes away (its parent changes): npm
   *   killed with SIGKILL leaves nothing running.
   */
  stopOnSignals() {
    let firstAt: number | undefined;
    const handler = (signal: string) => {
      if (firstAt !== undefined) {
        if (Date.now() - firstAt < REPEAT_WINDOW_MS) {
          this.logger.debug({ signal }, 'the same stop request again (relayed by npm or sent to the process group): still stopping');
          return;
        }
        this.logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      }
      firstAt = Date.now();
      this.logger.info({ signal }, 'shutting down');
      void this.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    if (process.env.npm_lifecycle_event) {
      const parent = process.ppid;
      const watch = setInterval(() => {
        if (process.ppid !== parent) {
          clearInterval(watch);
          handler('npm exited');
        }
      }, PARENT_CHECK_MS);
      watch.unref();
    }
  }
}

/** How long a repeated signal counts as the stop request already under way (see stopOnSignals). */
const REPEAT_WINDOW_MS = 2_000;
/** How often a process started by npm checks that npm still runs. */
const PARENT_CHECK_MS = 500;
