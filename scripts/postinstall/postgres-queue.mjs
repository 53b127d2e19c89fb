// Mends postgres.js 3.4.x's connection queue after every install (package.json's postinstall).
//
// Its Queue leaves an `undefined` hole for every shift and only drops them once the queue is
// shifted empty; `remove` then searches from the first hole. A pool under steady load pipelines
// onto busy connections (shift, then push back) without the busy queue ever running dry, so the
// array grows with every query and each connection move scans all of it: in a 60 s benchmark of
// the authenticated read, 12 s of the API's CPU went to `Queue.remove` (docs/performance.md).
// The mended queue searches from its head and compacts once half of it is holes, so every
// operation stays amortized O(1). Nothing else changes.
//
// The file is replaced only when it is exactly the known original (or already mended); any other
// content, as a new postgres.js version would bring, is left alone and reported, never patched blind.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const body = (exportLine) => `${exportLine}

function Queue(initial = []) {
  let xs = initial.slice()
  let index = 0

  return {
    get length() {
      return xs.length - index
    },
    remove: (x) => {
      const index = xs.indexOf(x)
      return index === -1
        ? null
        : (xs.splice(index, 1), x)
    },
    push: (x) => (xs.push(x), x),
    shift: () => {
      const out = xs[index++]

      if (index === xs.length) {
        index = 0
        xs = []
      } else {
        xs[index - 1] = undefined
      }

      return out
    }
  }
}
`;

// The two changes, each from the original's exact lines.
const MENDS = [
  [
    `      const index = xs.indexOf(x)
      return index === -1
        ? null
        : (xs.splice(index, 1), x)`,
    `      const at = xs.indexOf(x, index)
      return at === -1
        ? null
        : (xs.splice(at, 1), x)`,
  ],
  [
    `        xs = []
      } else {`,
    `        xs = []
      } else if (index >= 64 && index * 2 >= xs.length) {
        xs = xs.slice(index)
        index = 0
      } else {`,
  ],
];

const NOTE = `// Mended by partnerflow's scripts/postinstall/postgres-queue.mjs: holes are dropped once they are
// half the array, and remove searches from the head, so a queue that never runs dry stays small.
`;

const mended = (exportLine) =>
  MENDS.reduce((text, [from, to]) => text.replace(from, to), body(exportLine)).replace('\nfunction Queue', `\n${NOTE}function Queue`);

const files = [
  { path: 'node_modules/postgres/src/queue.js', exportLine: 'export default Queue' },
  { path: 'node_modules/postgres/cjs/src/queue.js', exportLine: 'module.exports = Queue' },
];

for (const { path, exportLine } of files) {
  const file = join(root, path);
  if (!existsSync(file)) continue; // postgres not installed (e.g. a partial install): nothing to mend
  const text = readFileSync(file, 'utf8');
  if (text === mended(exportLine)) continue;
  if (text !== body(exportLine)) {
    console.warn(`postgres-queue: ${path} is not the known postgres.js 3.4 queue; left as it is (see docs/performance.md)`);
    continue;
  }
  writeFileSync(file, mended(exportLine));
  console.log(`postgres-queue: mended ${path}`);
}
