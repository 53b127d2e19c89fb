// A vitest reporter that counts every failure of a run, for the CI's summary line
// (scripts/ci/summary.mjs). vitest's JSON report leaves out unhandled errors and counts the
// tests a failed beforeAll skipped as skipped; this file counts them as failures.
//   reporters: [..., ['./scripts/ci/counts-reporter.ts', { outputFile: 'test-counts.json' }]]
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule, TestSuite } from 'vitest/node';

export interface RunCounts {
  /** Tests that passed. */
  passed: number;
  /** Tests that failed. */
  failed: number;
  /** Tests that never ran because a hook of theirs (beforeAll, beforeEach) failed. */
  skippedByFailedHook: number;
  /** Files or suites that failed outside any test (import error, afterAll) without a failed or hook-skipped test to show for it. */
  failedOutsideTests: number;
  /** Errors vitest caught outside tests (unhandled rejections, uncaught exceptions). */
  unhandledErrors: number;
  /** Test files collected. */
  files: number;
  reason: string;
}

/** Every failure of the run, each counted once. */
export const failuresOf = (c: RunCounts) => c.failed + c.skippedByFailedHook + c.failedOutsideTests + c.unhandledErrors;

export default class CountsReporter implements Reporter {
  constructor(private readonly options: { outputFile?: string } = {}) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: string): void {
    const counts: RunCounts = { passed: 0, failed: 0, skippedByFailedHook: 0, failedOutsideTests: 0, unhandledErrors: unhandledErrors.length, files: modules.length, reason };
    const visit = (entity: TestModule | TestSuite, parentFailed: boolean) => {
      const failedHere = entity.errors().length > 0 || (entity.type === 'module' && entity.state() === 'failed' && !hasTests(entity));
      const blocked = parentFailed || failedHere;
      let shown = 0;
      for (const test of entity.children.tests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') {
          counts.failed++;
          shown++;
        } else if (blocked && state === 'skipped' && test.options.mode !== 'skip' && test.options.mode !== 'todo') {
          counts.skippedByFailedHook++;
          shown++;
        }
      }
      for (const suite of entity.children.suites()) shown += visit(suite, blocked);
      if (failedHere && shown === 0) counts.failedOutsideTests++;
      return shown;
    };
    for (const module of modules) visit(module, false);
    writeFileSync(this.options.outputFile ?? 'test-counts.json', JSON.stringify(counts, null, 2) + '\n');
  }
}

function hasTests(entity: TestModule | TestSuite): boolean {
  for (const _ of entity.children.allTests()) return true;
  return false;
}
