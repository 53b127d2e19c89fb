// `npm start`: the whole system in one process, with embedded PostgreSQL and Temporal unless configured otherwise.
import { bootstrapAdmin } from '../platform/bootstrap';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { Stack } from './stack';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const stack = new Stack(config, logger);
  stack.stopOnSignals();
  try {
    const sql = await stack.database();
    const { conns, devServer } = await stack.temporal();
    const deps = stack.activityDeps(sql, conns);
    await stack.worker(deps, conns);
    const apiUrl = await stack.api(deps);
    const adminToken = await bootstrapAdmin(sql, config.ADMIN_TOKEN);
    const lines = [
      '',
      'partnerflow is running',
      `  API          ${apiUrl}/v1`,
      `  API docs     ${apiUrl}/docs   (OpenAPI: ${apiUrl}/openapi.json)`,
      `  Temporal UI  ${devServer?.uiUrl ?? `(external cluster at ${config.TEMPORAL_ADDRESS})`}`,
      `  Mail         ${deps.mail.describe()}`,
      `  Stripe       ${deps.stripe ? 'connected' : 'not connected (set STRIPE_SECRET_KEY)'}`,
      ...(adminToken && !config.ADMIN_TOKEN
        ? ['', `  First admin token (shown once, store it now):`, `    ${adminToken}`]
        : []),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
