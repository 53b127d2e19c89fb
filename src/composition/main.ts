// `npm start`: the whole system in one process, with embedded PostgreSQL and Temporal unless configured otherwise.
import { bootstrapAdmin } from '../platform/bootstrap';
import { runEntry } from './entry';

runEntry('npm start', { external: false }, async (stack, config) => {
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
    `  Portal       ${apiUrl}/portal   (sign-in links arrive by e-mail: see Mail)`,
    `  Temporal UI  ${devServer?.uiUrl ?? `(external cluster at ${config.TEMPORAL_ADDRESS})`}`,
    `  Mail         ${deps.mail.describe()}`,
    `  Stripe       ${deps.stripe ? 'connected' : 'not connected (set STRIPE_SECRET_KEY)'}`,
    ...(adminToken && !config.ADMIN_TOKEN
      ? ['', `  First admin token (shown once, store it now):`, `    ${adminToken}`]
      : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
});
