// Rewrites tests/durations.json (the order tests/setup/sequencer.ts runs files in) from the
// test-results.json of a whole `npm test` run: each file's wall time in seconds.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const root = process.cwd();
const results = JSON.parse(readFileSync('test-results.json', 'utf8'));
const files = Object.fromEntries(
  results.testResults
    .map((t) => [relative(root, t.name), Math.round((t.endTime - t.startTime) / 100) / 10])
    .sort((a, b) => b[1] - a[1]),
);
if (Object.keys(files).length < 20) throw new Error('test-results.json is not from a whole run: run `npm test` first');
const measuredAt = new Date(results.startTime).toISOString().slice(0, 10);
writeFileSync('tests/durations.json', JSON.stringify({ measuredAt, files }, null, 2) + '\n');
console.log(`tests/durations.json: ${Object.keys(files).length} files, measured ${measuredAt}`);
