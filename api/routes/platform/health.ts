import { readiness } from '../../../src/platform/health';
import type { Router } from '../../router';

export function registerHealthRoutes(app: Router) {
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    const { ok, checks } = await readiness(c.var.deps);
    return c.json({ status: ok ? 'ready' : 'not_ready', checks }, ok ? 200 : 503);
  });
}
