// The services one process of the benchmarked system builds, from what the driver passes it.
import { generateSecretsKey } from '../src/domain/secret-box';
import { join } from 'node:path';
import type { Services } from '../src/platform/services';
import { connectDatabase } from '../src/db/connect';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createMailer } from '../src/mail';
import { createStripe } from '../src/stripe';
import { connectTemporal, type TemporalConnections } from '../src/temporal/connection';
import { installTemporalRuntime } from '../src/temporal/runtime';
import { projectRoot } from '../src/tools/paths';

export interface BenchProcessEnv {
  BENCH_DATABASE_URL: string;
  BENCH_TEMPORAL_ADDRESS: string;
  BENCH_TASK_QUEUE: string;
  BENCH_STRIPE_URL: string;
}

/** Everything a process needs, built the way the composition root builds it (pool sizes included). */
export async function benchServices(): Promise<{ services: Services; conns: TemporalConnections; close(): Promise<void> }> {
  const env = process.env as unknown as BenchProcessEnv;
  const logger = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn');
  installTemporalRuntime(logger);
  const sql = connectDatabase(env.BENCH_DATABASE_URL);
  const conns = await connectTemporal({ address: env.BENCH_TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TLS: false, TEMPORAL_TLS_CERT_PATH: undefined, TEMPORAL_TLS_KEY_PATH: undefined, TEMPORAL_API_KEY: undefined });
  const defaults = loadConfig({});
  const services: Services = {
    sql,
    temporal: conns.client,
    taskQueue: env.BENCH_TASK_QUEUE,
    stripe: createStripe({ secretKey: 'sk_test_bench', apiUrl: env.BENCH_STRIPE_URL }),
    mail: createMailer({ from: 'bench <bench@partnerflow.test>', dataDir: join(projectRoot, '.bench-data') }),
    logger,
    // The documented defaults (src/config.ts): the bench measures the paths as they are limited.
    config: { STRIPE_WEBHOOK_SECRET: undefined, PUBLIC_BASE_URL: undefined, PURCHASE_PAYMENT_TIMEOUT_HOURS: 24, RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE: defaults.RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE, RATE_LIMIT_USES_PER_MINUTE: defaults.RATE_LIMIT_USES_PER_MINUTE, WEBHOOK_ALLOW_PRIVATE: true, SECRETS_KEY: generateSecretsKey() },
  };
  return {
    services,
    conns,
    async close() {
      await conns.close();
      await sql.end({ timeout: 5 });
    },
  };
}

/** Tells the driver this process is ready (one line on stdout), then stops cleanly on SIGTERM. */
export function announce(line: string, stop: () => Promise<void>) {
  process.stdout.write(`${line}\n`);
  process.once('SIGTERM', () => {
    void stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
