// `npm run tools`: makes sure every server the project runs is on this machine (run by `npm test` first).
import { resolveStripeMock, resolveTemporalCli, resolveTestServer } from './resolve';

const log = (line: string) => console.log(`[tools] ${line}`);
const report = (name: string, t: { path?: string; source: string }) =>
  log(`${name}: ${t.path ?? '(not found: the Temporal SDK downloads it when it has internet)'} [${t.source}]`);

const [cli, testServer, stripeMock] = await Promise.all([resolveTemporalCli(log), resolveTestServer(log), resolveStripeMock(log)]);
report('temporal CLI (dev server + UI)', cli);
report('temporal time-skipping test server', testServer);
report('stripe-mock', stripeMock);
