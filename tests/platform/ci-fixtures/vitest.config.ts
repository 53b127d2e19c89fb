import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Runs the fixture files of tests/platform/ci-summary.rules.test.ts: small runs that fail in
// each way a CI summary must count. FIXTURES selects the files (comma-separated names).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: (process.env.FIXTURES ?? '*').split(',').map((name) => `${name}.fixture.ts`),
    ...(process.env.FAIL_GLOBAL_SETUP && { globalSetup: ['./failing-global-setup.ts'] }),
    pool: 'threads',
    reporters: [['json', { outputFile: process.env.JSON_REPORT }], ['../../../scripts/ci/counts-reporter.ts', { outputFile: process.env.COUNTS_FILE }]],
  },
});
