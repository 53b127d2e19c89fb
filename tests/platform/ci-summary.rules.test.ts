import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const summaryScript = join(root, 'scripts/ci/summary.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
let n = 0;
// The nested vitest must not think it runs inside this one.
const outerEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV'));

/** The line .ci/run prints for a vitest run that exited with `exitCode` and left these files. */
async function summary(exitCode: number, files: { counts?: unknown; report?: unknown }): Promise<{ line: string; code: number }> {
  const id = n++;
  const counts = join(dir, `counts-${id}.json`);
  const report = join(dir, `report-${id}.json`);
  if (files.counts !== undefined) writeFileSync(counts, JSON.stringify(files.counts));
  if (files.report !== undefined) writeFileSync(report, JSON.stringify(files.report));
  try {
    const { stdout } = await run('node', [summaryScript, String(exitCode), counts, report]);
    return { line: stdout.trim(), code: 0 };
  } catch (err) {
    const e = err as { stdout: string; code: number };
    return { line: e.stdout.trim(), code: e.code };
  }
}

/** A vitest JSON report as vitest writes it (only the fields the summary reads, and their neighbours). */
const report = (o: { passed: number; failed: number; files: { status: 'passed' | 'failed'; tests: string[] }[] }) => ({
  numTotalTests: o.files.reduce((t, f) => t + f.tests.length, 0), numPassedTests: o.passed, numFailedTests: o.failed, numPendingTests: 0,
  success: false, testResults: o.files.map((f, i) => ({ name: `/x/file${i}.test.ts`, status: f.status, message: '', assertionResults: f.tests.map((status) => ({ status })) })),
});

describe('the CI summary line', () => {
  it('counts a run whose tests passed but left unhandled errors as failed', async () => {
    const passing = report({ passed: 3, failed: 0, files: [{ status: 'passed', tests: ['passed', 'passed', 'passed'] }] });
    // vitest's JSON report has no trace of the errors; its exit code has.
    expect(await summary(1, { report: passing })).toEqual({ line: '3 passed, 1 failed', code: 1 });
    // The counts reporter has each of them.
    expect(await summary(1, { report: passing, counts: { passed: 3, failed: 0, skippedByFailedHook: 0, failedOutsideTests: 0, unhandledErrors: 2 } })).toEqual({ line: '3 passed, 2 failed', code: 1 });
  });

  it('counts a run whose global setup failed (an empty report, no counts) as failed', async () => {
    expect(await summary(1, { report: report({ passed: 0, failed: 0, files: [] }) })).toEqual({ line: '0 passed, 1 failed', code: 1 });
    expect(await summary(1, { report: report({ passed: 0, failed: 0, files: [] }), counts: { passed: 0, failed: 0, skippedByFailedHook: 0, failedOutsideTests: 0, unhandledErrors: 0 } })).toEqual({ line: '0 passed, 1 failed', code: 1 });
    expect(await summary(1, {})).toEqual({ line: '0 passed, 1 failed', code: 1 });
  });

  it('counts each test a failed beforeAll kept from running', async () => {
    const r = report({ passed: 1, failed: 0, files: [{ status: 'passed', tests: ['passed'] }, { status: 'failed', tests: ['skipped', 'skipped'] }] });
    expect(await summary(1, { report: r })).toEqual({ line: '1 passed, 2 failed', code: 1 });
  });

  it('reads a passing run as passing', async () => {
    const r = report({ passed: 2, failed: 0, files: [{ status: 'passed', tests: ['passed', 'passed'] }] });
    expect(await summary(0, { report: r, counts: { passed: 2, failed: 0, skippedByFailedHook: 0, failedOutsideTests: 0, unhandledErrors: 0 } })).toEqual({ line: '2 passed, 0 failed', code: 0 });
  });

  /** Runs vitest on fixture files (tests/platform/ci-fixtures) with the project's reporters, then the summary. */
  async function realRun(fixtures: string, env: Record<string, string> = {}) {
    const id = n++;
    const counts = join(dir, `real-counts-${id}.json`);
    const json = join(dir, `real-report-${id}.json`);
    const status = await run('npx', ['vitest', 'run', '--config', 'tests/platform/ci-fixtures/vitest.config.ts'], {
      cwd: root, env: { ...outerEnv, FIXTURES: fixtures, COUNTS_FILE: counts, JSON_REPORT: json, ...env },
    }).then(() => 0, (err: { code: number }) => err.code);
    const { stdout } = await run('node', [summaryScript, String(status), counts, json]).catch((err: { stdout: string }) => err);
    return { status, line: stdout.trim() };
  }

  it('counts every failure of a real vitest run: a failed test, two tests behind a failed beforeAll, an unhandled rejection', { timeout: 60_000 }, async () => {
    expect(await realRun('passing,failing,failing-before-all,unhandled')).toEqual({ status: 1, line: '2 passed, 4 failed' });
    expect(await realRun('passing')).toEqual({ status: 0, line: '1 passed, 0 failed' });
  });

  it('counts a real run whose global setup failed', { timeout: 60_000 }, async () => {
    expect(await realRun('passing', { FAIL_GLOBAL_SETUP: '1' })).toEqual({ status: 1, line: '0 passed, 1 failed' });
  });
});
