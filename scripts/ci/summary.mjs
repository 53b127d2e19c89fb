#!/usr/bin/env node
// The CI's last line, `N passed, N failed`, from a source that counts every failure:
//   node scripts/ci/summary.mjs <vitest exit code> [counts file] [JSON report]
// 1. The counts file of scripts/ci/counts-reporter.ts: tests that failed, tests a failed hook
//    (beforeAll) kept from running, files or suites that failed outside any test, and unhandled
//    errors, each a failure.
// 2. Without it, vitest's JSON report: failed tests, plus each test of a failed file that did
//    not run (a failed beforeAll), or the file itself when none did.
// 3. Whatever the source, a run vitest failed (exit code not 0) never reads "0 failed": with no
//    failure counted it is one failure (e.g. the global setup failed and nothing ran).
// Exits 1 when the line counts a failure, 0 otherwise.
import { readFileSync } from 'node:fs';

const [exitArg, countsFile = 'test-counts.json', reportFile = 'test-results.json'] = process.argv.slice(2);
const exitCode = Number(exitArg);
if (exitArg === undefined || !Number.isInteger(exitCode)) {
  console.error('usage: summary.mjs <vitest exit code> [counts file] [JSON report]');
  process.exit(2);
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** { passed, failed } from the counts reporter's file. */
function fromCounts(c) {
  const n = (k) => (Number.isInteger(c[k]) ? c[k] : 0);
  return { passed: n('passed'), failed: n('failed') + n('skippedByFailedHook') + n('failedOutsideTests') + n('unhandledErrors') };
}

/** { passed, failed } from vitest's JSON report (which knows nothing of unhandled errors). */
function fromReport(r) {
  let failed = r.numFailedTests ?? 0;
  for (const file of r.testResults ?? []) {
    if (file.status !== 'failed') continue;
    const results = file.assertionResults ?? [];
    if (results.some((a) => a.status === 'failed')) {
      failed += results.filter((a) => a.status === 'skipped' || a.status === 'pending').length;
    } else {
      failed += Math.max(1, results.filter((a) => a.status === 'skipped' || a.status === 'pending').length);
    }
  }
  return { passed: r.numPassedTests ?? 0, failed };
}

const counts = readJson(countsFile);
const report = counts ? undefined : readJson(reportFile);
const line = counts ? fromCounts(counts) : report ? fromReport(report) : { passed: 0, failed: 0 };
if (exitCode !== 0 && line.failed === 0) line.failed = 1;
console.log(`${line.passed} passed, ${line.failed} failed`);
process.exit(line.failed > 0 ? 1 : 0);
