// P1 (bulk invite), P4 (manual creations, reservations) and the worker's memory.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { START_CONCURRENCY } from '../activities/allotments/bulk-invite';
import { mapLimit } from '../src/concurrency';
import { reserveUnits } from '../src/repos/allotments/ledger';
import type { BenchEnv } from './env';
import { cpuSpent, seconds, settle, type Run } from './measure';

/** A metered organization linked to a fresh assessment, with `grant` units granted. */
export async function partner(env: BenchEnv, grant: number, assessmentId?: string) {
  const assessment = assessmentId ?? (await env.call('POST', '/v1/assessments', { name: `Bench ${randomUUID()}` })).body.id as string;
  const org = (await env.call('POST', '/v1/organizations', { name: `Bench org ${randomUUID()}`, responseAllotment: 'can_be_purchased' })).body.id as string;
  const g = await env.call('POST', '/v1/allotments/purchases', { organizationId: org, assessmentId: assessment, quantity: grant, currency: 'EUR', paymentMethod: 'manual' });
  if (g.status !== 201) throw new Error(`grant refused: ${JSON.stringify(g.body)}`);
  return { assessment, org };
}

export async function enableAllotments(env: BenchEnv) {
  await env.call('PATCH', '/v1/settings', { useAllotments: true });
}

/** Running invitation workflows of an organization, as ops count them (visibility trails by a moment). */
async function runningInvitations(env: BenchEnv, org: string, expected: number): Promise<number> {
  let n = 0;
  for (let i = 0; i < 600 && n !== expected; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    n = (await env.client.workflow.count(`PartnerflowKind = "response" AND PartnerflowOrganizationId = "${org}" AND ExecutionStatus = "Running"`)).count;
  }
  return n;
}

async function ledgerOf(env: BenchEnv, org: string) {
  const [row] = await env.sql<{ allocated: number; invited: number; unexpired: number; used: number }[]>`
    select allocated, invited, unexpired, used from allotments where organization_id = ${org}`;
  const [facts] = await env.sql<{ n: number }[]>`select count(*)::int as n from responses where organization_id = ${org} and counted and status = 'invited'`;
  return { ...row!, openFacts: facts!.n, oversold: Math.max(0, row!.used + row!.unexpired - row!.allocated) };
}

/**
 * B1: `n` no-op workflows started from one client with the concurrency the bulk job uses (32),
 * executed by the same worker. Timed until the last start is acknowledged; the worker then
 * finishes them before anything else is measured.
 */
export async function rawStarts(env: BenchEnv, n: number, concurrency = START_CONCURRENCY): Promise<Run> {
  const prefix = randomUUID();
  const cpu0 = await env.cpu();
  const t = process.hrtime.bigint();
  await mapLimit(Array.from({ length: n }, (_, i) => i), concurrency, async (i) => {
    await env.client.workflow.start('benchNoopWorkflow', { taskQueue: env.taskQueue, workflowId: `noop-${prefix}-${i}` });
  });
  const elapsed = seconds(t);
  let running = 1;
  while (running > 0) {
    running = (await env.client.workflow.count(`WorkflowType = "benchNoopWorkflow" AND ExecutionStatus = "Running"`)).count;
    if (running) await new Promise((r) => setTimeout(r, 200));
  }
  await settle(env);
  const cpu = cpuSpent(await env.cpu(), cpu0);
  const done = (await env.client.workflow.count(`WorkflowId STARTS_WITH "noop-${prefix}" AND ExecutionStatus = "Completed"`)).count;
  return { seconds: elapsed, ok: n, exact: done === n, note: done === n ? undefined : `${done} of ${n} completed`, cpu };
}

/** P1: a bulk invite of `n` rows, upload → every invitation workflow started (the job's `processed`). */
export async function bulkInvite(env: BenchEnv, n: number): Promise<Run> {
  const { assessment, org } = await partner(env, n);
  const csv = 'email,name\n' + Array.from({ length: n }, (_, i) => `bulk${i}@example.test,Respondent ${i}`).join('\n') + '\n';
  const cpu0 = await env.cpu();
  const t = process.hrtime.bigint();
  const res = await env.call('POST', `/v1/assessments/${assessment}/responses/bulk?organizationId=${org}`, csv, { 'content-type': 'text/csv' });
  const answered = seconds(t);
  if (res.status !== 202) throw new Error(`bulk upload refused: ${JSON.stringify(res.body)}`);
  for (;;) {
    const job = await env.call('GET', `/v1/jobs/${res.body.id}`);
    if (job.body.processed === n) break;
    if (job.body.status === 'failed') throw new Error('bulk job failed');
    await new Promise((r) => setTimeout(r, 50));
  }
  const total = seconds(t);
  const l = await ledgerOf(env, org);
  const running = await runningInvitations(env, org, n);
  // Until the worker has run every invitation's first task: all the work the path causes.
  await settle(env);
  const cpu = cpuSpent(await env.cpu(), cpu0);
  const exact = l.invited === n && l.unexpired === n && l.allocated === n && l.openFacts === n && l.oversold === 0 && running === n;
  return { seconds: total, ok: n, exact, note: exact ? undefined : `ledger ${JSON.stringify(l)}, ${running} running`, extra: { answeredMs: answered * 1000 }, cpu };
}

/**
 * P4: `n` manual creations through HTTP from `clients` concurrent clients, against `allotments`
 * allotments (1: all on one), each granted exactly its share, plus `clients` attempts too many:
 * exactly `n` are created (201), the rest refused (409 ALLOTMENT_EXHAUSTED), nothing oversold.
 */
export async function manualCreations(env: BenchEnv, n: number, allotments: number, clients: number): Promise<Run> {
  const share = Math.ceil(n / allotments);
  const assessment = (await env.call('POST', '/v1/assessments', { name: `Bench ${randomUUID()}` })).body.id as string;
  const targets = await Promise.all(Array.from({ length: allotments }, () => partner(env, share, assessment)));
  const total = share * allotments;
  const attempts = total + clients;
  const statuses = new Map<string, number>();
  let next = 0;
  const cpu0 = await env.cpu();
  const t = process.hrtime.bigint();
  // autocannon as the clients: a load generator light enough to leave the machine to the system.
  await autocannon({
    url: env.baseUrl,
    connections: clients,
    amount: attempts,
    headers: { authorization: `Bearer ${env.adminToken}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: `/v1/assessments/${assessment}/responses`,
        setupRequest: (req) => {
          const i = next++;
          return { ...req, body: JSON.stringify({ organizationId: targets[i % allotments]!.org, respondent: { email: `m${i}@example.test`, name: `Manual ${i}` } }) };
        },
        onResponse: (status, body) => {
          const key = `${status} ${status === 201 ? '' : ((JSON.parse(body) as { code?: string }).code ?? '')}`.trim();
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        },
      },
    ],
  });
  const elapsed = seconds(t);
  const created = statuses.get('201') ?? 0;
  const refused = statuses.get('409 ALLOTMENT_EXHAUSTED') ?? 0;
  const ledgers = await Promise.all(targets.map((x) => ledgerOf(env, x.org)));
  const running = (await Promise.all(targets.map((x) => runningInvitations(env, x.org, share)))).reduce((a, b) => a + b, 0);
  await settle(env);
  const cpu = cpuSpent(await env.cpu(), cpu0);
  const exact =
    created === total && refused === clients && ledgers.every((l) => l.invited === share && l.unexpired === share && l.openFacts === share && l.oversold === 0) && running === total;
  return { seconds: elapsed, ok: created, refused, exact, note: exact ? undefined : `answers ${JSON.stringify(Object.fromEntries(statuses))}, ${running} running`, cpu };
}

/**
 * P4 (SQL): `units` conditional reservations of one unit on one allotment from `connections`
 * connections, each in its own transaction, all granted; then `refusals` more, all refused and
 * timed apart, so a refusal never counts as a reservation.
 */
export async function reservations(env: BenchEnv, units: number, refusals: number, connections: number): Promise<Run> {
  const { assessment, org } = await partner(env, units);
  const attempt = async () => {
    try {
      await env.sql.begin((tx) => reserveUnits(tx, { organizationId: org, assessmentId: assessment, units: 1, kind: 'response' }));
      return true;
    } catch {
      return false;
    }
  };
  let granted = 0;
  let refusedEarly = 0;
  const t = process.hrtime.bigint();
  await mapLimit(Array.from({ length: units }, (_, i) => i), connections, async () => {
    if (await attempt()) granted++;
    else refusedEarly++;
  });
  const elapsed = seconds(t);
  let refused = 0;
  const tr = process.hrtime.bigint();
  await mapLimit(Array.from({ length: refusals }, (_, i) => i), connections, async () => {
    if (!(await attempt())) refused++;
  });
  const refusing = seconds(tr);
  const l = await ledgerOf(env, org);
  const exact = granted === units && refusedEarly === 0 && refused === refusals && l.unexpired === units && l.invited === units && l.oversold === 0;
  return {
    seconds: elapsed,
    ok: granted,
    refused,
    exact,
    note: exact ? undefined : `granted ${granted} (${refusedEarly} refused early), refused ${refused} of ${refusals}, ledger ${JSON.stringify(l)}`,
    extra: { refusalsPerSecond: refused / refusing },
  };
}

/** Baseline of the reservations: unconditional increments of one row, same connections and count. */
export async function unconditionalUpdates(env: BenchEnv, n: number, connections: number): Promise<Run> {
  await env.sql`create table if not exists bench_counter (id int primary key, n bigint not null)`;
  await env.sql`insert into bench_counter values (1, 0) on conflict (id) do update set n = 0`;
  const t = process.hrtime.bigint();
  await mapLimit(Array.from({ length: n }, (_, i) => i), connections, async () => {
    await env.sql.begin((tx) => tx`update bench_counter set n = n + 1 where id = 1`);
  });
  const elapsed = seconds(t);
  const [row] = await env.sql<{ n: number }[]>`select n from bench_counter where id = 1`;
  return { seconds: elapsed, ok: n, exact: row!.n === n };
}

/** The worker's resident memory before and after `n` invitation workflows went to sleep on it. */
export async function sleepingInvitationsMemory(env: BenchEnv, n: number, settled: () => Promise<void>) {
  await settled();
  const idle = await env.workerRssMiB();
  const run = await bulkInvite(env, n);
  await settled();
  return { idle, loaded: await env.workerRssMiB(), exact: run.exact, note: run.note };
}
