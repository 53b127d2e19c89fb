import { mapLimit } from '../src/concurrency';
import { START_CONCURRENCY } from '../activities/allotments/bulk-invite';
import { reserveUnits } from '../src/repos/allotments/ledger';
import type { startBenchStack } from './stack';

type Stack = Awaited<ReturnType<typeof startBenchStack>>;
export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function partner(s: Stack, grant: number) {
  await s.call('PATCH', '/v1/settings', { useAllotments: true });
  const assessment = (await s.call('POST', '/v1/assessments', { name: `Bench ${Math.random()}` })).body.id as string;
  const org = (await s.call('POST', '/v1/organizations', { name: `Bench org ${Math.random()}`, responseAllotment: 'can_be_purchased' })).body.id as string;
  const g = await s.call('POST', '/v1/allotments/purchases', { organizationId: org, assessmentId: assessment, quantity: grant, currency: 'EUR', paymentMethod: 'manual' });
  if (g.status !== 201) throw new Error(JSON.stringify(g.body));
  return { assessment, org };
}

/**
 * B1: the raw rate of starting no-op workflows from one client with the bulk job's concurrency,
 * executed by the same worker (as each invitation workflow runs its first task).
 */
export async function measureRawStarts(s: Stack, n: number): Promise<number> {
  const ids = Array.from({ length: n }, (_, i) => i);
  const t = process.hrtime.bigint();
  await mapLimit(ids, START_CONCURRENCY, async (i) => {
    await s.client.workflow.start('benchNoopWorkflow', { taskQueue: s.taskQueue, workflowId: `noop-${i}` });
  });
  const elapsed = seconds(t);
  // Let the worker finish them, so the next measurement does not queue behind this one's backlog.
  while ((await s.client.workflow.count('WorkflowType = "benchNoopWorkflow" AND ExecutionStatus = "Running"')).count > 0) {
    await new Promise((r) => setTimeout(r, 200));
  }
  return elapsed;
}

/** The whole bulk invite: upload → every invitation workflow running, ledger exact. */
export async function measureBulkInvite(s: Stack, n: number) {
  const { assessment, org } = await partner(s, n);
  const csv = 'email,name\n' + Array.from({ length: n }, (_, i) => `bulk${i}@example.test,Respondent ${i}`).join('\n') + '\n';
  const t = process.hrtime.bigint();
  const res = await s.call('POST', `/v1/assessments/${assessment}/responses/bulk?organizationId=${org}`, csv, { 'content-type': 'text/csv' });
  const answered = seconds(t);
  if (res.status !== 202) throw new Error(`bulk upload refused: ${JSON.stringify(res.body)}`);
  // Every invitation workflow has been started once the job counts all rows processed.
  for (;;) {
    const job = await s.call('GET', `/v1/jobs/${res.body.id}`);
    if (job.body.processed === n) break;
    if (job.body.status === 'failed') throw new Error('bulk job failed');
    await new Promise((r) => setTimeout(r, 50));
  }
  const total = seconds(t);
  const [ledger] = await s.sql<{ invited: number; unexpired: number; available: number }[]>`
    select invited, unexpired, allocated - used - unexpired as available from allotments where organization_id = ${org}`;
  // Visibility trails the starts by a moment; the check is not part of the timing.
  let started = { count: 0 };
  for (let i = 0; i < 100 && started.count < n; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    started = await s.client.workflow.count(`PartnerflowKind = "response" AND PartnerflowOrganizationId = "${org}" AND ExecutionStatus = "Running"`);
  }
  const exact = ledger!.invited === n && ledger!.unexpired === n && ledger!.available === 0 && started.count === n;
  return { answered, total, exact, running: started.count };
}

/** Reservations against one allotment from many connections at once, and the oversell count. */
export async function measureReservations(s: Stack, units: number, attempts: number, concurrency: number) {
  const { assessment, org } = await partner(s, units);
  let ok = 0;
  const t = process.hrtime.bigint();
  await mapLimit(Array.from({ length: attempts }, (_, i) => i), concurrency, async () => {
    try {
      await s.sql.begin((tx) => reserveUnits(tx, { organizationId: org, assessmentId: assessment, units: 1, kind: 'response' }));
      ok++;
    } catch {
      // refused: exhausted
    }
  });
  const elapsed = seconds(t);
  const [row] = await s.sql<{ unexpired: number; allocated: number }[]>`select unexpired, allocated from allotments where organization_id = ${org}`;
  // Baseline: the same number of unconditional increments of one row, same connections.
  const tb = process.hrtime.bigint();
  await mapLimit(Array.from({ length: attempts }, (_, i) => i), concurrency, async () => {
    await s.sql.begin((tx) => tx`update allotments set invited = invited + 0 where organization_id = ${org}`);
  });
  const baseline = seconds(tb);
  return { perSecond: attempts / elapsed, baselinePerSecond: attempts / baseline, granted: ok, oversold: Math.max(0, row!.unexpired - row!.allocated), allocated: row!.allocated };
}
