// `npm run worker`: a Temporal worker alone; run as many as the load needs.
import { runEntry } from './entry';

runEntry('npm run worker', { external: true }, async (stack, config, logger) => {
  const sql = await stack.database();
  const { conns } = await stack.temporal();
  await stack.worker(stack.activityDeps(sql, conns), conns);
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker running');
});
