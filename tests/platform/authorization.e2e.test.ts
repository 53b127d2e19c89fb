import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { CALLERS, EXPECTATIONS, RULES, type Caller, type Outcome } from './authorization/expectations';
import { fingerprinter } from './fuzz/fingerprint';
import { openApiDocument, operations } from './openapi';
import { platformWorld, type PlatformWorld } from './world';

// The authorization matrix: every operation of the OpenAPI document × every kind of caller,
// against one seeded world, compared with the rule declared for the operation in
// tests/platform/authorization/expectations.ts. A route without a rule fails here.

const ops = operations(await openApiDocument());

function outcomeOf(status: number): Outcome | string {
  if (status < 400 || status === 409 || status === 422) return 'ok';
  if (status === 401 || status === 403 || status === 404) return status;
  return `unexpected ${status}`;
}

function tokenOf(w: PlatformWorld, adminToken: string, caller: Caller): string | undefined {
  switch (caller) {
    case 'none':
      return undefined;
    case 'public':
      return w.shareToken;
    case 'admin':
      return adminToken;
    default:
      return w.users[caller].token;
  }
}

describe('the authorization matrix', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (stack) => ({ world: await platformWorld(stack), fp: await fingerprinter(stack.sql) }));

  it('has a rule for every route of the OpenAPI document, and none for a route that is gone', () => {
    const routes = ops.map((op) => op.key).sort();
    expect(routes.length).toBeGreaterThanOrEqual(80);
    expect(routes.filter((key) => !EXPECTATIONS[key]), 'route added without a rule in tests/platform/authorization/expectations.ts').toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((key) => !routes.includes(key)), 'rule for a route that does not exist').toEqual([]);
  });

  for (const op of ops) {
    const expectation = EXPECTATIONS[op.key];
    if (!expectation) continue;
    it(`${op.key} (${expectation.rule})`, async () => {
      const mismatches: string[] = [];
      const rule = RULES[expectation.rule];
      // Refused callers first, while nothing else writes: a refusal must change no table. Then
      // the callers the rule lets through, whose changes (and their workflows') settle afterwards.
      const callers = [...CALLERS].sort((a, b) => Number(rule[a] === 'ok') - Number(rule[b] === 'ok'));
      let last = await w.fp.settle();
      for (const [i, caller] of callers.entries()) {
        const probe = expectation.probe(w.world, caller);
        let path = op.path;
        for (const [name, value] of Object.entries(probe.params ?? {})) path = path.replace(`{${name}}`, encodeURIComponent(value));
        const query = new URLSearchParams(probe.query ?? {}).toString();
        const token = tokenOf(w.world, s.adminToken, caller);
        const headers: Record<string, string> = { 'x-forwarded-for': `192.0.2.${i + 1}`, ...probe.headers };
        if (token) headers.authorization = `Bearer ${token}`;
        let body: string | undefined;
        if (probe.raw !== undefined) body = probe.raw;
        else if (probe.csv !== undefined) [body, headers['content-type']] = [probe.csv, 'text/csv'];
        else if (probe.body !== undefined) [body, headers['content-type']] = [JSON.stringify(probe.body), 'application/json'];

        const res = await fetch(`${s.baseUrl}${path}${query ? `?${query}` : ''}`, { method: op.method, headers, body });
        const text = await res.text();
        const expected = rule[caller];
        const actual = outcomeOf(res.status);
        if (actual !== expected) mismatches.push(`${caller}: expected ${expected}, got ${res.status} ${text.slice(0, 300)}`);
        if (actual === 401 || actual === 403 || actual === 404) {
          if (res.headers.get('content-type') !== 'application/problem+json') mismatches.push(`${caller}: ${res.status} is not problem+json`);
          const after = await w.fp.take();
          const changed = w.fp.diff(last, after);
          if (changed.length) mismatches.push(`${caller}: refused ${res.status} but changed ${changed.join(', ')}`);
          last = after;
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});
