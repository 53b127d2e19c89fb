// Docs that run: every HTTP example of README.md and docs/*.md, executed as written against the
// real stack, page by page, top to bottom (docs/architecture.md, "Docs that run"). A page whose
// examples drift from the code fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/tools/paths';
import { extractExamples, mismatches, parseShownJson, substitute, type DocExample } from '../support/docs-examples';
import { startTestStack, type TestStack } from '../support/stack';

const pages = ['README.md', ...readdirSync(join(projectRoot, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** How long a GET is repeated until its answer matches (workflows doing their part). */
const SETTLE_MS = 60_000;

const unauthenticated = (path: string) => path.startsWith('/v1/public/') || path === '/v1/stripe/webhook';

async function send(s: TestStack, ex: DocExample, bindings: Map<string, unknown>) {
  const now = new Date();
  const path = substitute(ex.path, bindings, now);
  const headers: Record<string, string> = {};
  for (const [name, value] of ex.headers) headers[name.toLowerCase()] = substitute(value, bindings, now).replace(/\$TOKEN\b/g, s.adminToken);
  if (!headers.authorization && !unauthenticated(path)) headers.authorization = `Bearer ${s.adminToken}`;
  const body = ex.body === null ? undefined : substitute(ex.body, bindings, now);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(s.baseUrl + path, { method: ex.method, headers, body });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as unknown) : text;
  return { status: res.status, body: json, shown: `${ex.method} ${path} → ${res.status} ${text.slice(0, 2000)}` };
}

async function run(s: TestStack, ex: DocExample, bindings: Map<string, unknown>) {
  const deadline = Date.now() + (ex.method === 'GET' ? SETTLE_MS : 0);
  for (;;) {
    const res = await send(s, ex, bindings);
    // Placeholders in the answer are read after the request, so `{today}` and earlier answers apply.
    const problems = res.status !== ex.status ? [`status: expected ${ex.status}, got ${res.status}`] : [];
    if (problems.length === 0 && ex.answer !== null) problems.push(...mismatches(parseShownJson(substitute(ex.answer, bindings, new Date())), res.body));
    if (problems.length === 0) {
      if (ex.bindAs) bindings.set(ex.bindAs, res.body);
      return;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${ex.page}:${ex.line} does not answer as the page shows:\n  ${problems.join('\n  ')}\n${res.shown}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

for (const page of pages) {
  const { examples, errors } = extractExamples(page, readFileSync(join(projectRoot, page), 'utf8'));

  describe(page, () => {
    it('writes its examples so they can run (docs/architecture.md, "Docs that run")', () => {
      expect(errors).toEqual([]);
    });
    if (examples.length === 0) return;

    let s: TestStack;
    const bindings = new Map<string, unknown>();
    beforeAll(async () => {
      s = await startTestStack();
    }, 180_000);
    afterAll(async () => {
      await s?.close();
    });

    for (const ex of examples) {
      it(`${page}:${ex.line} ${ex.method} ${ex.path} → ${ex.status}`, { timeout: SETTLE_MS + 60_000 }, async () => {
        await run(s, ex, bindings);
      });
    }
  });
}
