import type { Router } from '.';

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: Router) {
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    const { sql, temporal } = c.var.deps;
    const check = async (p: Promise<unknown>) => within(3000, p).then(() => 'ok' as const, () => 'unavailable' as const);
    const [database, temporalStatus] = await Promise.all([
      check(sql`select 1`),
      check(temporal.connection.workflowService.getSystemInfo({})),
    ]);
    const ok = database === 'ok' && temporalStatus === 'ok';
    return c.json({ status: ok ? 'ready' : 'not_ready', checks: { database, temporal: temporalStatus } }, ok ? 200 : 503);
  });
}
