// `npm run api`: the HTTP API alone (scale it out beside workers on a real Temporal cluster).
import { bootstrapAdmin } from '../platform/bootstrap';
import { runEntry } from './entry';

runEntry('npm run api', { external: true }, async (stack, config, logger) => {
  const sql = await stack.database();
  const { conns } = await stack.temporal();
  const apiUrl = await stack.api(stack.activityDeps(sql, conns));
  const adminToken = await bootstrapAdmin(sql, config.ADMIN_TOKEN);
  logger.info({ apiUrl, docs: `${apiUrl}/docs` }, 'API listening');
  if (adminToken && !config.ADMIN_TOKEN) process.stdout.write(`First admin token (shown once): ${adminToken}\n`);
});
