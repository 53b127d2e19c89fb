// P5: the first launches of one sale's seats, against updates to one workflow.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { todayUtc } from '../src/domain/sales/dates';
import type { BenchEnv, Reply } from './env';
import { seconds, type Run } from './measure';

/** As many launches in flight as the server admits updates per workflow (10). */
export const LAUNCH_CONCURRENCY = 10;

function ok(r: Reply, status = 201) {
  if (r.status !== status) throw new Error(`setup failed (${r.status}): ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An active sale of `seats` seats and the token of the delivery system launching them. */
async function activeSale(env: BenchEnv, seats: number) {
  const distributionId = ok(await env.call('POST', '/v1/distributions', { name: `Bench test ${randomUUID()}`, unitPrices: { EUR: 1250 } })).id as string;
  const organizationId = ok(await env.call('POST', '/v1/organizations', { name: `Bench customer ${randomUUID()}`, ltiService: true })).id as string;
  const user = ok(await env.call('POST', '/v1/users', { email: `delivery-${organizationId}@bench.example`, name: 'Delivery system', role: 'manager', organizationId }));
  const token = ok(await env.call('POST', `/v1/users/${user.id}/tokens`, {})).token as string;
  const sale = ok(
    await env.call(
      'POST',
      '/v1/sales',
      { name: 'District plan', customer: { organizationId }, distributions: [{ distributionId, salesType: 'per_user', numberOfUsers: seats, currency: 'EUR' }], activationDate: todayUtc(new Date()), billed: 'invoice' },
      {},
      token,
    ),
  );
  ok(await env.call('POST', `/v1/sales/${sale.id}/approve`), 200);
  for (let i = 0; ; i++) {
    if ((await env.call('GET', `/v1/sales/${sale.id}`)).body.status === 'active') break;
    if (i > 600) throw new Error('sale not active');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { saleId: sale.id as string, lineId: sale.distributions[0].id as string, token };
}

/**
 * `seats` first launches of one sale through HTTP, `LAUNCH_CONCURRENCY` at a time: each answers
 * 201 with a key of its own; one launch more is refused (409 SEATS_EXHAUSTED).
 */
export async function firstLaunches(env: BenchEnv, seats: number): Promise<Run> {
  const { saleId, lineId, token } = await activeSale(env, seats);
  const statuses = new Map<string, number>();
  let next = 0;
  const t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: LAUNCH_CONCURRENCY }, async () => {
      while (next < seats) {
        const i = next++;
        const res = await env.call('POST', `/v1/sales/${saleId}/launches`, { userEmail: `user${i}@customer.example` }, {}, token);
        const key = `${res.status} ${res.body.code ?? ''}`.trim();
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    }),
  );
  const elapsed = seconds(t);
  const extra = await env.call('POST', `/v1/sales/${saleId}/launches`, { userEmail: 'one-too-many@customer.example' }, {}, token);
  const [c] = await env.sql<{ keys: number; used: number }[]>`
    select (select count(distinct key)::int from sale_keys where sale_id = ${saleId}) as keys,
           (select seats_used from sale_distributions where id = ${lineId}) as used`;
  const issued = statuses.get('201') ?? 0;
  const exact = issued === seats && c!.keys === seats && c!.used === seats && extra.status === 409 && extra.body.code === 'SEATS_EXHAUSTED';
  return { seconds: elapsed, ok: issued, refused: extra.status === 409 ? 1 : 0, exact, note: exact ? undefined : `answers ${JSON.stringify(Object.fromEntries(statuses))}, ${c!.keys} keys, ${c!.used} seats used, extra ${extra.status} ${extra.body.code}` };
}

const RESOURCE_EXHAUSTED = 8;
const retryable = (err: unknown) => {
  if (err instanceof WorkflowUpdateFailedError) return true; // the sink is handing over to its next run
  const e = err as { code?: number; cause?: { code?: number } } | null;
  return e?.code === RESOURCE_EXHAUSTED || e?.cause?.code === RESOURCE_EXHAUSTED;
};

/** Its primitive: `n` no-op updates of one workflow that hands over every 1 000, same concurrency, resent as a launch is. */
export async function workflowUpdates(env: BenchEnv, n: number): Promise<Run> {
  const handle = await env.client.workflow.start('benchUpdateSinkWorkflow', { taskQueue: env.taskQueue, workflowId: `sink-${randomUUID()}` });
  let next = 0;
  let done = 0;
  const t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: LAUNCH_CONCURRENCY }, async () => {
      while (next < n) {
        next++;
        for (let attempt = 1; ; attempt++) {
          try {
            await env.client.workflow.getHandle(handle.workflowId).executeUpdate('ping');
            done++;
            break;
          } catch (err) {
            if (!retryable(err) || attempt > 200) throw err;
            await new Promise((r) => setTimeout(r, Math.min(10 * attempt, 200) * (0.5 + Math.random())));
          }
        }
      }
    }),
  );
  const elapsed = seconds(t);
  await env.client.workflow.getHandle(handle.workflowId).terminate('benchmark done');
  return { seconds: elapsed, ok: done, exact: done === n };
}
