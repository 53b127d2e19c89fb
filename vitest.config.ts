import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/per-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    // test-counts.json counts every failure for the CI's summary line (scripts/ci/summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results.json' }], ['./scripts/ci/counts-reporter.ts', { outputFile: 'test-counts.json' }]],
  },
});
