// `npm run bench`: speed figures measured against baselines taken in the same run, on the same servers.
import { measureAggregatorBackfill } from './aggregators';
import { measureBulkInvite, measureRawStarts, measureReservations } from './allotments';
import { startBenchStack } from './stack';

const N = Number(process.env.BENCH_ROWS ?? 10_000);
const PROFILES = Number(process.env.BENCH_PROFILES ?? 100_000);
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(58)} ${value.padStart(14)}  ${note}`);

const s = await startBenchStack();
try {
  console.log(`\npartnerflow benchmark — ${N} rows, ${PROFILES} aggregator profiles, ${new Date().toISOString()}\n`);
  const b1 = await measureRawStarts(s, N);
  line(`B1 raw start of ${N} no-op workflows`, `${b1.toFixed(2)} s`, `${(N / b1).toFixed(0)} starts/s`);
  const bulk = await measureBulkInvite(s, N);
  line(`bulk invite of ${N} rows: upload's answer (202)`, `${(bulk.answered * 1000).toFixed(0)} ms`);
  line(`bulk invite of ${N} rows: upload → all invitation workflows running`, `${bulk.total.toFixed(2)} s`, `${(N / bulk.total).toFixed(0)} invitations/s`);
  line('  ledger exact and every workflow running', bulk.exact ? 'yes' : 'NO', `${bulk.running} running`);
  const ratio = b1 / bulk.total;
  line('  ratio bulk rate / B1 rate (target ≥ 0.8)', ratio.toFixed(2), ratio >= 0.8 ? 'meets target' : 'BELOW TARGET');
  const r = await measureReservations(s, 5_000, 6_000, 32);
  line('reservations/s on one allotment (32 connections)', r.perSecond.toFixed(0), `${r.granted} of 6000 granted for ${r.allocated} units`);
  line('  baseline: unconditional single-row updates/s', r.baselinePerSecond.toFixed(0), `ratio ${(r.perSecond / r.baselinePerSecond).toFixed(2)}`);
  line('  oversold units (must be 0)', String(r.oversold), r.oversold === 0 && r.granted === r.allocated ? 'exact' : 'WRONG');
  const agg = await measureAggregatorBackfill(s, PROFILES);
  line(`B3 one INSERT … SELECT of ${PROFILES} contracts`, `${agg.baseline.toFixed(2)} s`, `${(PROFILES / agg.baseline).toFixed(0)} contracts/s`);
  line(`aggregator backfill of ${PROFILES} profiles: PUT → state done`, `${agg.total.toFixed(2)} s`, `${(PROFILES / agg.total).toFixed(0)} contracts/s, ${agg.batches} batches, PUT answered in ${(agg.answered * 1000).toFixed(0)} ms`);
  line('  one active contract per profile, progress exact', agg.exact ? 'yes' : 'NO');
  const backfillRatio = agg.total / agg.baseline;
  line('  ratio backfill / B3 (target ≤ 2)', backfillRatio.toFixed(2), backfillRatio <= 2 ? 'meets target' : 'ABOVE TARGET');
  console.log('');
} finally {
  await s.stop();
}
