import { rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createApp } from '../api/app';
import type { ActivityDeps } from '../activities';
import { bootstrapAdmin } from '../src/platform/bootstrap';
import { connectDatabase } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from '../src/embedded/postgres';
import { createLogger } from '../src/logger';
import { createMailer } from '../src/mail';
import { connectTemporal } from '../src/temporal/connection';
import { startDevServer } from '../src/temporal/dev-server';
import { installTemporalRuntime } from '../src/temporal/runtime';
import { createWorker } from '../src/composition/worker';
import { listenHttp } from '../src/composition/http-server';
import { loadConfig } from '../src/config';
import { projectRoot } from '../src/tools/paths';
import { resolveTemporalCli } from '../src/tools/resolve';

const quietBundler = { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never;

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

/** The real system on this machine, fresh, for measuring: PostgreSQL, dev server, worker, API. */
export async function startBenchStack() {
  const logger = createLogger('warn');
  installTemporalRuntime(logger);
  const dir = join(projectRoot, '.bench-data');
  await rm(dir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort() });
  await ensureDatabase(pg.baseUrl, 'bench');
  const sql = connectDatabase(pg.urlFor('bench'), { max: 40 });
  await migrate(sql);
  const devServer = await startDevServer({ executable: await resolveTemporalCli((l) => logger.info(l)), port: await freePort() });
  const conns = await connectTemporal({ address: devServer.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TLS: false, TEMPORAL_TLS_CERT_PATH: undefined, TEMPORAL_TLS_KEY_PATH: undefined, TEMPORAL_API_KEY: undefined });
  const taskQueue = 'bench';
  // The documented defaults, as a real deployment runs (the HTTP limits above all).
  const defaults = loadConfig({});
  const deps: ActivityDeps = {
    sql, stripe: null, mail: createMailer({ from: 'bench <b@x.test>', dataDir: dir }), logger, temporal: conns.client, taskQueue,
    config: { STRIPE_WEBHOOK_SECRET: undefined, PUBLIC_BASE_URL: undefined, PURCHASE_PAYMENT_TIMEOUT_HOURS: 24, RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE: defaults.RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE, RATE_LIMIT_USES_PER_MINUTE: defaults.RATE_LIMIT_USES_PER_MINUTE },
  };
  const worker = await createWorker({
    connection: await conns.nativeConnection(),
    namespace: 'default',
    taskQueue,
    deps,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)), logger: quietBundler }),
  });
  const running = worker.run();
  const app = createApp({ ...deps, config: { ...deps.config, TRUSTED_PROXIES: [], MAX_BODY_BYTES: 8 * 1024 * 1024 } });
  const http = await listenHttp(app.fetch, { port: 0, hostname: '127.0.0.1', limits: defaults });
  const baseUrl = `http://127.0.0.1:${http.port}`;
  const token = (await bootstrapAdmin(sql))!;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = typeof body === 'string';
    const res = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as any };
  };
  return {
    sql,
    client: conns.client,
    taskQueue,
    call,
    async stop() {
      await http.close();
      worker.shutdown();
      await running;
      await conns.close();
      await sql.end();
      await devServer.stop();
      await pg.stop();
    },
  };
}
