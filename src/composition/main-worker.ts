// `npm run worker`: a Temporal worker alone; run as many as the load needs.
import { ConfigError, loadConfig, requireExternalServices } from '../config';
import { createLogger } from '../logger';
import { Stack } from './stack';

async function main() {
  const config = loadConfig();
  requireExternalServices(config, 'npm run worker');
  const logger = createLogger(config.LOG_LEVEL);
  const stack = new Stack(config, logger);
  stack.stopOnSignals();
  const sql = await stack.database();
  const { conns } = await stack.temporal();
  await stack.worker(stack.activityDeps(sql, conns), conns);
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker running');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
