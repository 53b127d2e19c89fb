// `npm run bench`: speed figures measured against baselines taken in the same run, on the same servers.
import { measureBulkInvite, measureRawStarts, measureReservations } from './allotments';
import { startBenchStack } from './stack';

const N = Number(process.env.BENCH_ROWS ?? 10_000);
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(58)} ${value.padStart(14)}  ${note}`);

const s = await startBenchStack();
try {
  console.log(`\npartnerflow benchmark — ${N} rows, ${new Date().toISOString()}\n`);
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
  console.log('');
} finally {
  await s.stop();
}
