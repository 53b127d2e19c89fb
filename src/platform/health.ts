import type { Services } from './services';

type Check = 'ok' | 'unavailable';

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the database and Temporal answer within 3 s each. */
export async function readiness(s: Pick<Services, 'sql' | 'temporal'>): Promise<{ ok: boolean; checks: { database: Check; temporal: Check } }> {
  const check = (p: Promise<unknown>) => within(3000, p).then(() => 'ok' as const, () => 'unavailable' as const);
  const [database, temporal] = await Promise.all([check(s.sql`select 1`), check(s.temporal.connection.workflowService.getSystemInfo({}))]);
  return { ok: database === 'ok' && temporal === 'ok', checks: { database, temporal } };
}
