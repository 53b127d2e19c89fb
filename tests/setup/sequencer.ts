import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from '../durations.json' with { type: 'json' };

const measured: Record<string, number> = durations.files;

/**
 * Longest files first. Test files go to whichever worker is free, so a long file that starts
 * last is the run's tail: in one fresh-clone run a 110 s file started at minute 10 and another
 * of 72 s at minute 12, while the other worker had nothing left. Vitest orders by its own cache
 * of durations, which a fresh clone does not have (it then runs larger files first), so the
 * order comes from tests/durations.json, measured by a whole run (`npm run test:durations`
 * rewrites it from test-results.json). A file it does not know yet runs first, as vitest
 * does with files it has never run.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (f: TestSpecification) => measured[relative(root, f.moduleId)] ?? Number.POSITIVE_INFINITY;
    return [...files].sort((a, b) => seconds(b) - seconds(a) || a.moduleId.localeCompare(b.moduleId));
  }
}
