// How each figure is taken: baseline and subject interleaved (A B A B A B), medians compared.
import type { BenchEnv } from './env';

/** One timed run: how long, how many succeeded and were refused, and whether every count was exact. */
export interface Run {
  seconds: number;
  /** Operations that succeeded (creations, reservations, requests answered 2xx, …). */
  ok: number;
  /** Operations refused as designed (exhausted, …): never counted in `ok`. */
  refused?: number;
  /** Every exactness check of this run held (ledger, counts, nothing oversold). */
  exact: boolean;
  /** What the exactness check found, when it failed, or other details worth keeping. */
  note?: string;
  /** Figures a run reports besides its rate (latencies, answer times). */
  extra?: Record<string, number>;
  /** CPU seconds each part of the system spent on this run (`BenchEnv.cpu`), when measured. */
  cpu?: Record<string, number>;
}

/** CPU seconds per part between two readings of `BenchEnv.cpu`. */
export const cpuSpent = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));

/** Median CPU milliseconds per successful operation, per part of the system. */
export function cpuMsPerOp(runs: Run[]): Record<string, number> | undefined {
  const measured = runs.filter((r) => r.cpu && r.ok > 0);
  if (measured.length === 0) return undefined;
  const parts = Object.keys(measured[0]!.cpu!);
  return Object.fromEntries(parts.map((p) => [p, median(measured.map((r) => (r.cpu![p]! * 1000) / r.ok))]));
}

export const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
export const rate = (r: Run) => r.ok / r.seconds;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Runs each named step once per round, in the given order, for `rounds` rounds (A B A B A B):
 * load that changes during the run moves baseline and subject alike.
 */
export async function interleave<K extends string>(rounds: number, steps: Record<K, () => Promise<Run>>, between?: () => Promise<void>): Promise<Record<K, Run[]>> {
  const out = Object.fromEntries(Object.keys(steps).map((k) => [k, [] as Run[]])) as Record<K, Run[]>;
  for (let round = 0; round < rounds; round++) {
    for (const k of Object.keys(steps) as K[]) {
      if (between) await between();
      out[k].push(await steps[k]());
    }
  }
  return out;
}

export interface Figure {
  id: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  /** value / baseline (for times: baseline / value when `higherIsBetter`), as the target is written. */
  ratio?: number;
  target?: string;
  verdict: 'meets target' | 'BELOW TARGET' | 'report';
  exact: boolean;
  successes?: number;
  refusals?: number;
  note?: string;
  rounds?: Record<string, Run[]>;
  /** CPU milliseconds per operation of the subject and of the baseline, per part of the system. */
  cpuMsPerOp?: { subject?: Record<string, number>; baseline?: Record<string, number> };
}

export function verdictOf(ok: boolean | undefined): Figure['verdict'] {
  return ok === undefined ? 'report' : ok ? 'meets target' : 'BELOW TARGET';
}

/** Waits until the worker has nothing queued, so the next run does not queue behind this one's work. */
export async function settle(env: BenchEnv, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 2 && Date.now() < deadline) {
    const backlogs = await Promise.all(
      [1, 2].map(async (taskQueueType) => {
        const res = await env.client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: env.taskQueue, kind: 1 }, taskQueueType, reportStats: true });
        return Number(res.stats?.approximateBacklogCount ?? 0);
      }),
    );
    quiet = backlogs.every((b) => b === 0) ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((r) => setTimeout(r, 200));
  }
  if (quiet < 2) throw new Error('the worker did not drain its task queue');
}
