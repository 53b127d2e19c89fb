// P3: an aggregator's tariff backfill through its workflow against one INSERT … SELECT.
import { randomUUID } from 'node:crypto';
import type { BenchEnv, Reply } from './env';
import { seconds, type Run } from './measure';

function created(r: Reply): string {
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.id;
}

/** An advanced studio with a FREE tariff and an aggregator of `n` profiles (one set-based insert). */
async function studio(env: BenchEnv, n: number) {
  const org = created(await env.call('POST', '/v1/organizations', { name: `Bench studio ${randomUUID()}`, package: 'advanced' }));
  const tariff = created(await env.call('POST', '/v1/tariffs', { organizationId: org, name: 'Partner visits', paymentFrequency: 'FREE', services: [{ name: 'Gym', kind: 'service' }] }));
  const aggregator = created(await env.call('POST', '/v1/aggregators', { organizationId: org, name: `Aggregator ${randomUUID()}` }));
  await env.sql`
    insert into profiles (organization_id, name, email, aggregator_id)
    select ${org}, 'Profile ' || g, 'p' || g || '-' || ${aggregator} || '@example.test', ${aggregator} from generate_series(1, ${n}) g`;
  await env.sql`vacuum analyze profiles`;
  return { org, tariff, aggregator };
}

/** B3: one INSERT … SELECT of `n` contracts into the same table. */
export async function insertSelect(env: BenchEnv, n: number): Promise<Run> {
  const w = await studio(env, n);
  const t = process.hrtime.bigint();
  const res = await env.sql`
    insert into contracts (profile_id, tariff_id, aggregator_id)
    select p.id, ${w.tariff}, ${w.aggregator} from profiles p where p.aggregator_id = ${w.aggregator}`;
  return { seconds: seconds(t), ok: res.count, exact: res.count === n };
}

/** The real path: PUT the tariff → workflow → batches until the aggregator's `state` is done. */
export async function backfill(env: BenchEnv, n: number): Promise<Run> {
  const w = await studio(env, n);
  const t = process.hrtime.bigint();
  const res = await env.call('PUT', `/v1/aggregators/${w.aggregator}/tariff`, { tariffId: w.tariff });
  const answered = seconds(t);
  if (res.status !== 202) throw new Error(`assignment refused: ${JSON.stringify(res.body)}`);
  for (;;) {
    const [row] = await env.sql<{ state: string }[]>`select state from aggregators where id = ${w.aggregator}`;
    if (row!.state === 'done') break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const total = seconds(t);
  const [check] = await env.sql<{ contracts: number; profiles: number; done: number }[]>`
    select (select count(*) from contracts where aggregator_id = ${w.aggregator} and status = 'active')::int as contracts,
           (select count(distinct profile_id) from contracts where aggregator_id = ${w.aggregator} and status = 'active')::int as profiles,
           (select profiles_done from aggregators where id = ${w.aggregator}) as done`;
  const exact = check!.contracts === n && check!.profiles === n && check!.done === n;
  return { seconds: total, ok: check!.contracts, exact, note: exact ? undefined : JSON.stringify(check), extra: { answeredMs: answered * 1000 } };
}
