import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './tests/setup/sequencer';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/per-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker process (each still builds its own stack: database, task
    // queue, worker, API). A fresh process per file spent 5 to 9 s importing the SDKs before every
    // one of 130 files; no test changes process-wide state (no mocks, no environment writes).
    isolate: false,
    // Longest files first (tests/durations.json), so no long file is left for the end.
    sequence: { sequencer: LongestFirstSequencer },
    // test-counts.json counts every failure for the CI's summary line (scripts/ci/summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results.json' }], ['./scripts/ci/counts-reporter.ts', { outputFile: 'test-counts.json' }]],
  },
});
