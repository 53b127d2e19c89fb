// `npm run docs:temporal`: rewrites the generated workflow reference in docs/temporal-ops.md
// (between its markers) from workflows/**/*-definitions.ts and the workflow starts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/tools/paths';
import { regeneratedPage } from './docs/temporal-reference';

const { path, current, regenerated } = regeneratedPage(projectRoot);
if (current === regenerated) console.log(`${path} is up to date`);
else {
  writeFileSync(join(projectRoot, path), regenerated);
  console.log(`${path} rewritten`);
}
