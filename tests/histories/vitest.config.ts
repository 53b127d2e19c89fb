import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The recording run of scripts/record-histories.ts: the test suite's servers (global setup) and
// stacks, one branch after another, writing tests/histories/*.json.
export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    include: ['tests/histories/record.histories.ts'],
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/per-file.ts'],
    testTimeout: 600_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
