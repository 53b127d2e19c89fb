import type { startBenchStack } from './stack';

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function created(res: Promise<{ status: number; body: any }>): Promise<string> {
  const r = await res;
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.id;
}

/** An advanced studio with a FREE tariff and two aggregators of `n` profiles each (one set-based insert). */
async function studio(s: Stack, n: number) {
  const org = await created(s.call('POST', '/v1/organizations', { name: `Bench studio ${Math.random()}`, package: 'advanced' }));
  const tariff = await created(s.call('POST', '/v1/tariffs', { organizationId: org, name: 'Partner visits', paymentFrequency: 'FREE', services: [{ name: 'Gym', kind: 'service' }] }));
  const viaWorkflow = await created(s.call('POST', '/v1/aggregators', { organizationId: org, name: 'Through the workflow' }));
  const viaStatement = await created(s.call('POST', '/v1/aggregators', { organizationId: org, name: 'B3 baseline' }));
  for (const aggregator of [viaWorkflow, viaStatement]) {
    await s.sql`
      insert into profiles (organization_id, name, email, aggregator_id)
      select ${org}, 'Profile ' || g, 'p' || g || '-' || ${aggregator} || '@example.test', ${aggregator} from generate_series(1, ${n}) g`;
  }
  await s.sql`vacuum analyze profiles`;
  return { org, tariff, viaWorkflow, viaStatement };
}

/**
 * Earlier sections leave thousands of first workflow tasks queued (started workflows that have
 * not run yet); an update would wait behind them. Measure once the task queue has drained.
 */
async function settle(s: Stack, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 2 && Date.now() < deadline) {
    const backlogs = await Promise.all(
      [1, 2].map(async (taskQueueType) => {
        const res = await s.client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: s.taskQueue, kind: 1 }, taskQueueType, reportStats: true });
        return Number(res.stats?.approximateBacklogCount ?? 0);
      }),
    );
    quiet = backlogs.every((b) => b === 0) ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 3_000));
  }
}

/**
 * The backfill of `n` profiles through the real path (PUT → workflow → batches until `state` is
 * done) against B3: one INSERT … SELECT of the same number of contracts into the same table.
 */
export async function measureAggregatorBackfill(s: Stack, n: number) {
  const w = await studio(s, n);
  await settle(s);

  const tb = process.hrtime.bigint();
  const b3 = await s.sql`
    insert into contracts (profile_id, tariff_id, aggregator_id)
    select p.id, ${w.tariff}, ${w.viaStatement} from profiles p where p.aggregator_id = ${w.viaStatement}`;
  const baseline = seconds(tb);
  if (b3.count !== n) throw new Error(`B3 inserted ${b3.count} contracts`);

  const t = process.hrtime.bigint();
  const res = await s.call('PUT', `/v1/aggregators/${w.viaWorkflow}/tariff`, { tariffId: w.tariff });
  const answered = seconds(t);
  if (res.status !== 202) throw new Error(`assignment refused: ${JSON.stringify(res.body)}`);
  for (;;) {
    const [row] = await s.sql<{ state: string }[]>`select state from aggregators where id = ${w.viaWorkflow}`;
    if (row!.state === 'done') break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const total = seconds(t);

  const [check] = await s.sql<{ contracts: number; profiles: number; done: number }[]>`
    select (select count(*) from contracts where aggregator_id = ${w.viaWorkflow} and status = 'active')::int as contracts,
           (select count(distinct profile_id) from contracts where aggregator_id = ${w.viaWorkflow} and status = 'active')::int as profiles,
           (select profiles_done from aggregators where id = ${w.viaWorkflow}) as done`;
  const batches = (await s.sql`select count(*)::int as n from audit_events where entity_id = ${w.viaWorkflow} and action like 'assign\\_%'`)[0]!.n as number;
  return { baseline, total, answered, batches, exact: check!.contracts === n && check!.profiles === n && check!.done === n };
}
