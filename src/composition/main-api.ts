// `npm run api`: the HTTP API alone (scale it out beside workers on a real Temporal cluster).
import { bootstrapAdmin } from '../platform/bootstrap';
import { ConfigError, loadConfig, requireExternalServices } from '../config';
import { createLogger } from '../logger';
import { Stack } from './stack';

async function main() {
  const config = loadConfig();
  requireExternalServices(config, 'npm run api');
  const logger = createLogger(config.LOG_LEVEL);
  const stack = new Stack(config, logger);
  stack.stopOnSignals();
  const sql = await stack.database();
  const { conns } = await stack.temporal();
  const apiUrl = await stack.api(stack.activityDeps(sql, conns));
  const adminToken = await bootstrapAdmin(sql, config.ADMIN_TOKEN);
  logger.info({ apiUrl, docs: `${apiUrl}/docs` }, 'API listening');
  if (adminToken && !config.ADMIN_TOKEN) process.stdout.write(`First admin token (shown once): ${adminToken}\n`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
