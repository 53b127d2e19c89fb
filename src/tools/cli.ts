// `npm run tools`: makes sure every server the project runs is on this machine (run by `npm test` first).
// `npm run tools -- stripe-pay <purchaseId>`: pays a purchase locally with a signed Stripe event (./stripe-pay.ts).
import { resolveStripeMock, resolveTemporalCli, resolveTestServer } from './resolve';
import { stripePay } from './stripe-pay';

const log = (line: string) => console.log(`[tools] ${line}`);
const report = (name: string, t: { path?: string; source: string }) =>
  log(`${name}: ${t.path ?? '(not found: the Temporal SDK downloads it when it has internet)'} [${t.source}]`);

const [command, ...args] = process.argv.slice(2);
if (command === 'stripe-pay') {
  process.exitCode = await stripePay(args, process.env, (line) => console.log(line));
} else if (command !== undefined) {
  console.error(`unknown command ${command}: npm run tools [-- stripe-pay <purchaseId>]`);
  process.exitCode = 2;
} else {
  const [cli, testServer, stripeMock] = await Promise.all([resolveTemporalCli(log), resolveTestServer(log), resolveStripeMock(log)]);
  report('temporal CLI (dev server + UI)', cli);
  report('temporal time-skipping test server', testServer);
  report('stripe-mock', stripeMock);
}
