// `npm run bench [-- --quick]`: every hot path against a baseline taken in the same run, the two
// interleaved (A B A B A B) and their medians compared. Prints a table, writes
// bench/results.json, and exits 1 when any exactness check failed. docs/performance.md says
// what each figure measures and what bounds it.
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MAX_CACHED_WORKFLOWS } from '../src/composition/worker';
import { bulkInvite, enableAllotments, manualCreations, rawStarts, reservations, sleepingInvitationsMemory, unconditionalUpdates } from './allotments';
import { backfill, insertSelect } from './aggregators';
import { startBenchEnv } from './env';
import { paidGroup, redemptions, startAndAwait } from './groups';
import { allotmentReader, HTTP_CONNECTIONS, load } from './http';
import { cpuMsPerOp, interleave, median, rate, settle, verdictOf, type Figure, type Run } from './measure';
import { firstLaunches, LAUNCH_CONCURRENCY, workflowUpdates } from './sales';

const quick = process.argv.includes('--quick');
// `--only P1,P4` runs some figures (while working on one path); a full run measures them all.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (id: string) => !only || only.includes(id);
const size = (full: number) => (quick ? Math.round(full / 10) : full);
const ROUNDS = 3;
const S = {
  bulk: size(10_000),
  httpSeconds: quick ? 1 : 10,
  profiles: size(100_000),
  creations: size(2_000),
  clients: 32,
  spread: 32,
  units: size(5_000),
  refusals: size(1_000),
  connections: 32,
  people: size(1_000),
  seats: size(5_000),
  sleeping: size(10_000),
};

const figures: Figure[] = [];
const exactAll = (...runs: Run[][]) => runs.flat().every((r) => r.exact);
const notes = (...runs: Run[][]) =>
  runs
    .flat()
    .filter((r) => !r.exact && r.note)
    .map((r) => r.note)
    .join('; ') || undefined;
const sum = (runs: Run[], f: (r: Run) => number | undefined) => runs.reduce((a, r) => a + (f(r) ?? 0), 0);
const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const started = new Date();
const loadAtStart = loadavg();
const env = await startBenchEnv();
const between = () => settle(env);
log(`partnerflow benchmark${quick ? ' (--quick: a tenth of the size)' : ''}, ${cpus().length} cores, load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
try {
  await enableAllotments(env);

  if (wanted('M')) {
    // Worker memory, first, on a fresh worker.
    log(`memory: ${S.sleeping} sleeping invitation workflows`);
    const mem = await sleepingInvitationsMemory(env, S.sleeping, between);
    figures.push({
      id: 'M', name: `worker RSS, ${S.sleeping} sleeping invitations (cache ${MAX_CACHED_WORKFLOWS})`, value: mem.loaded, unit: 'MiB',
      baseline: { name: 'idle worker', value: mem.idle, unit: 'MiB' }, ratio: mem.loaded / mem.idle, verdict: 'report', exact: mem.exact, note: mem.exact ? undefined : mem.note,
    });
  }

  if (wanted('P1')) {
    log(`P1: bulk invite of ${S.bulk} vs B1 raw starts`);
    const p1 = await interleave(ROUNDS, { b1: () => rawStarts(env, S.bulk), bulk: () => bulkInvite(env, S.bulk) }, between);
    const p1Ratio = median(p1.bulk.map(rate)) / median(p1.b1.map(rate));
    figures.push({
      id: 'P1', name: `bulk invite of ${S.bulk}: upload → every invitation started`, value: median(p1.bulk.map(rate)), unit: 'invitations/s',
      baseline: { name: 'B1 raw starts (32 in flight)', value: median(p1.b1.map(rate)), unit: 'starts/s' }, ratio: p1Ratio, target: '≥ 0.8',
      verdict: verdictOf(p1Ratio >= 0.8), exact: exactAll(p1.bulk, p1.b1), successes: sum(p1.bulk, (r) => r.ok), note: notes(p1.bulk, p1.b1), rounds: p1,
      cpuMsPerOp: { subject: cpuMsPerOp(p1.bulk), baseline: cpuMsPerOp(p1.b1) },
    });
    const answered = median(p1.bulk.map((r) => r.extra!.answeredMs!));
    figures.push({ id: 'P1', name: `bulk invite of ${S.bulk}: the upload's answer (202)`, value: answered, unit: 'ms', target: '< 500 ms', verdict: verdictOf(answered < 500), exact: exactAll(p1.bulk) });
  }

  if (wanted('P4')) {
    log(`P4: ${S.creations} manual creations over HTTP (${S.clients} clients): one allotment, ${S.spread} allotments, B1`);
    const p4 = await interleave(
      ROUNDS,
      { b1: () => rawStarts(env, S.creations), one: () => manualCreations(env, S.creations, 1, S.clients), spread: () => manualCreations(env, S.creations, S.spread, S.clients) },
      between,
    );
    const one = median(p4.one.map(rate));
    const vsB1 = one / median(p4.b1.map(rate));
    const vsSpread = one / median(p4.spread.map(rate));
    const p4Common = { exact: exactAll(p4.one, p4.spread, p4.b1), successes: sum(p4.one, (r) => r.ok), refusals: sum(p4.one, (r) => r.refused), note: notes(p4.one, p4.spread, p4.b1) };
    figures.push({
      id: 'P4', name: `manual creations on one allotment (${S.creations} + ${S.clients} refused)`, value: one, unit: 'creations/s',
      baseline: { name: 'B1 raw starts (32 in flight)', value: median(p4.b1.map(rate)), unit: 'starts/s' }, ratio: vsB1, target: '≥ 0.8', verdict: verdictOf(vsB1 >= 0.8), ...p4Common, rounds: p4,
      cpuMsPerOp: { subject: cpuMsPerOp(p4.one), baseline: cpuMsPerOp(p4.b1) },
    });
    figures.push({
      id: 'P4', name: 'manual creations on one allotment vs spread', value: one, unit: 'creations/s',
      baseline: { name: `the same spread over ${S.spread} allotments`, value: median(p4.spread.map(rate)), unit: 'creations/s' }, ratio: vsSpread, target: '≥ 0.8', verdict: verdictOf(vsSpread >= 0.8), ...p4Common,
      cpuMsPerOp: { subject: cpuMsPerOp(p4.one), baseline: cpuMsPerOp(p4.spread) },
    });
  }

  if (wanted('P4r')) {
    log(`P4: ${S.units} reservations (then ${S.refusals} refusals) on one allotment vs unconditional updates, ${S.connections} connections`);
    const res = await interleave(ROUNDS, { updates: () => unconditionalUpdates(env, S.units, S.connections), reservations: () => reservations(env, S.units, S.refusals, S.connections) });
    const resRate = median(res.reservations.map(rate));
    figures.push({
      id: 'P4', name: `conditional reservations (granted) on one allotment`, value: resRate, unit: 'reservations/s',
      baseline: { name: 'unconditional single-row updates', value: median(res.updates.map(rate)), unit: 'updates/s' }, ratio: resRate / median(res.updates.map(rate)), verdict: 'report',
      exact: exactAll(res.reservations, res.updates), successes: sum(res.reservations, (r) => r.ok), refusals: sum(res.reservations, (r) => r.refused), note: notes(res.reservations, res.updates), rounds: res,
    });
    figures.push({
      id: 'P4', name: 'refusals at zero (ALLOTMENT_EXHAUSTED), timed apart', value: median(res.reservations.map((r) => r.extra!.refusalsPerSecond!)), unit: 'refusals/s',
      verdict: 'report', exact: exactAll(res.reservations), refusals: sum(res.reservations, (r) => r.refused),
    });
  }

  if (wanted('P2')) {
    log(`P2: authenticated allotment read vs a bare route, ${HTTP_CONNECTIONS} connections, ${S.httpSeconds} s each`);
    const reader = await allotmentReader(env);
    await load(env, reader.path, 1, reader.body, reader.token); // warm both paths up
    await load(env, '/bench/bare', 1, '{"one":1}');
    const p2 = await interleave(ROUNDS, { bare: () => load(env, '/bench/bare', S.httpSeconds, '{"one":1}'), read: () => load(env, reader.path, S.httpSeconds, reader.body, reader.token) });
    const tput = median(p2.read.map(rate)) / median(p2.bare.map(rate));
    const p99 = median(p2.read.map((r) => r.extra!.p99Ms!));
    const bareP99 = median(p2.bare.map((r) => r.extra!.p99Ms!));
    figures.push({
      id: 'P2', name: 'authenticated allotment read: throughput', value: median(p2.read.map(rate)), unit: 'requests/s',
      baseline: { name: 'bare Hono route, one postgres.js query', value: median(p2.bare.map(rate)), unit: 'requests/s' }, ratio: tput, target: '≥ 0.7',
      verdict: verdictOf(tput >= 0.7), exact: exactAll(p2.read, p2.bare), successes: sum(p2.read, (r) => r.ok), note: notes(p2.read, p2.bare), rounds: p2,
    });
    figures.push({
      id: 'P2', name: 'authenticated allotment read: p99 latency', value: p99, unit: 'ms',
      baseline: { name: 'bare route p99', value: bareP99, unit: 'ms' }, ratio: p99 / bareP99, target: '≤ 2', verdict: verdictOf(p99 / bareP99 <= 2), exact: exactAll(p2.read, p2.bare),
    });
  }

  if (wanted('P3')) {
    log(`P3: aggregator backfill of ${S.profiles} vs one INSERT … SELECT`);
    const p3 = await interleave(ROUNDS, { insert: () => insertSelect(env, S.profiles), backfill: () => backfill(env, S.profiles) }, between);
    const p3Ratio = median(p3.backfill.map((r) => r.seconds)) / median(p3.insert.map((r) => r.seconds));
    figures.push({
      id: 'P3', name: `aggregator backfill of ${S.profiles}: PUT → state done`, value: median(p3.backfill.map((r) => r.seconds)), unit: 's',
      baseline: { name: 'B3 one INSERT … SELECT', value: median(p3.insert.map((r) => r.seconds)), unit: 's' }, ratio: p3Ratio, target: '≤ 1.5',
      verdict: verdictOf(p3Ratio <= 1.5), exact: exactAll(p3.backfill, p3.insert), successes: sum(p3.backfill, (r) => r.ok), note: notes(p3.backfill, p3.insert), rounds: p3,
    });
  }

  if (wanted('P5r')) {
    log(`P5: one shared code redeemed by ${S.people} people at once vs starting and awaiting as many workflows`);
    const groupId = await paidGroup(env);
    const p5a = await interleave(ROUNDS, { execute: () => startAndAwait(env, S.people), redeem: () => redemptions(env, groupId, S.people) }, between);
    figures.push({
      id: 'P5', name: `redemptions of one shared code by ${S.people} at once (limit ${Math.floor(S.people * 0.9)})`, value: median(p5a.redeem.map(rate)), unit: 'redemptions/s',
      baseline: { name: 'workflows started and awaited at once', value: median(p5a.execute.map(rate)), unit: 'workflows/s' }, ratio: median(p5a.redeem.map(rate)) / median(p5a.execute.map(rate)),
      verdict: 'report', exact: exactAll(p5a.redeem, p5a.execute), successes: sum(p5a.redeem, (r) => r.ok), refusals: sum(p5a.redeem, (r) => r.refused),
      note: notes(p5a.redeem, p5a.execute) ?? p5a.redeem.map((r) => r.note).join(' | '), rounds: p5a,
    });
  }

  if (wanted('P5l')) {
    log(`P5: first launches of one ${S.seats}-seat sale vs updates of one workflow (${LAUNCH_CONCURRENCY} in flight)`);
    const p5b = await interleave(ROUNDS, { updates: () => workflowUpdates(env, S.seats), launch: () => firstLaunches(env, S.seats) }, between);
    figures.push({
      id: 'P5', name: `first launches of one ${S.seats}-seat sale`, value: median(p5b.launch.map(rate)), unit: 'launches/s',
      baseline: { name: 'no-op updates of one workflow', value: median(p5b.updates.map(rate)), unit: 'updates/s' }, ratio: median(p5b.launch.map(rate)) / median(p5b.updates.map(rate)),
      verdict: 'report', exact: exactAll(p5b.launch, p5b.updates), successes: sum(p5b.launch, (r) => r.ok), refusals: sum(p5b.launch, (r) => r.refused), note: notes(p5b.launch, p5b.updates), rounds: p5b,
    });
  }
} catch (err) {
  // Said before the system stops: a call still retrying then fails too, and would hide this.
  log(`the benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  throw err;
} finally {
  await env.stop();
}

const fmt = (v: number | undefined) => (v === undefined ? '' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const rows = figures.map((f) => [
  `${f.id} ${f.name}`,
  `${fmt(f.value)} ${f.unit}`,
  f.baseline ? `${fmt(f.baseline.value)} ${f.baseline.unit} (${f.baseline.name})` : '',
  fmt(f.ratio),
  f.target ?? '',
  f.verdict,
  f.exact ? 'exact' : 'WRONG',
  [f.successes !== undefined ? `${f.successes} ok` : '', f.refusals !== undefined ? `${f.refusals} refused` : ''].filter(Boolean).join(', '),
]);
const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'verdict', 'counts', 'successes / refusals (all rounds)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
const loadAtEnd = loadavg();
console.log('');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
const cpuLine = (c?: Record<string, number>) => (c ? Object.entries(c).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ') : '');
for (const f of figures.filter((x) => x.cpuMsPerOp)) {
  console.log(`\nCPU ms per operation, ${f.id} ${f.name}:\n  subject:  ${cpuLine(f.cpuMsPerOp!.subject)}\n  baseline: ${cpuLine(f.cpuMsPerOp!.baseline)}`);
}
for (const f of figures.filter((x) => !x.exact)) console.log(`\nWRONG ${f.id} ${f.name}: ${f.note ?? 'an exactness check failed'}`);
console.log(`\nload average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}; ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);

const out = fileURLToPath(new URL('./results.json', import.meta.url));
await writeFile(
  out,
  JSON.stringify({ startedAt: started.toISOString(), quick, only: only ?? null, rounds: ROUNDS, sizes: S, cores: cpus().length, loadAtStart, loadAtEnd, seconds: (Date.now() - started.getTime()) / 1000, figures }, null, 1) + '\n',
);
console.log(`wrote ${out}`);
if (figures.some((f) => !f.exact)) process.exit(1);
