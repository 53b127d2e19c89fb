// Records the replay test's histories (tests/histories/branches.ts says which exist):
//   npx tsx scripts/record-histories.ts                      every branch that has no file yet
//   npx tsx scripts/record-histories.ts saleWorkflow:renewal  these branches, again (overwrites)
// Each branch is driven through the real system — API, worker, PostgreSQL, stripe-mock, the
// time-skipping test server for timers — by its driver in tests/histories/drivers/, and the
// history of its execution is written to tests/histories/<workflow>-<branch>.json. A file
// recorded before a workflow change proves a patched() path: record it again only on purpose.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allBranches } from '../tests/histories/branches';
import { projectRoot } from '../src/tools/paths';

const named = process.argv.slice(2);
const known = allBranches();
const unknown = named.filter((n) => !known.some((b) => b.name === n));
if (unknown.length) {
  console.error(`unknown branches: ${unknown.join(', ')}\nknown: ${known.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const todo = named.length ? named : known.filter((b) => !existsSync(join(projectRoot, 'tests', 'histories', b.file))).map((b) => b.name);
if (todo.length === 0) {
  console.log('Every known branch has its history. Name branches (workflow:branch) to record them again.');
  process.exit(0);
}
console.log(`recording ${todo.join(', ')}`);
// The servers the tests use (fetched or built on first use), then the recording run.
const tools = spawnSync('npx', ['tsx', 'src/tools/cli.ts'], { cwd: projectRoot, stdio: 'inherit' });
if (tools.status !== 0) process.exit(tools.status ?? 1);
const run = spawnSync('npx', ['vitest', 'run', '--config', 'tests/histories/vitest.config.ts'], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, RECORD: todo.join(',') },
});
process.exit(run.status ?? 1);
