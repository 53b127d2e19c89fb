// `npm test`: what it always ran (`npm run tools`, then `vitest run` with the arguments given),
// then the wall time of the whole run, so a slow suite shows on every run.
import { spawnSync } from 'node:child_process';

const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { stdio: 'inherit' });
  return r.status ?? 1;
};

let status = run('tsx', ['src/tools/cli.ts']);
if (status === 0) status = run('vitest', ['run', ...process.argv.slice(2)]);
const wall = process.uptime();
process.stdout.write(`\nnpm test: ${status === 0 ? 'passed' : `failed (exit ${status})`}, wall time ${Math.floor(wall / 60)} min ${(wall % 60).toFixed(0)} s\n`);
process.exit(status);
