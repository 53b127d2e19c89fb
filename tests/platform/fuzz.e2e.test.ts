import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorStatus } from '../../src/errors';
import type { TestStack } from '../support/stack';
import { suiteStack } from '../support/suite';
import { generators, type FuzzRequest, type Pools } from './fuzz/arbitraries';
import { fingerprinter, RECORDING_REFUSALS, type Fingerprint } from './fuzz/fingerprint';
import { openApiDocument, operations, resolver, type Operation } from './openapi';
import { platformWorld, type PlatformWorld } from './world';

// Every operation of the OpenAPI document, fuzzed from its own schemas (tests/platform/fuzz/):
// a new route is fuzzed without anyone writing a test for it. Each operation runs as an admin and
// as a manager (public routes: without a token), FUZZ_RUNS cases per operation and caller
// (default 4 in CI; `FUZZ_RUNS=1000` for the long run, see docs/security.md). Every answer must be
// below 500; every 4xx is problem+json with a stable code; a refusal changes no table.

const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const CODES = new Set(Object.keys(errorStatus));

const doc = await openApiDocument();
const resolve = resolver(doc);
// The Stripe webhook takes only payloads signed with the webhook secret: an unsigned body is
// refused before it is read, so fuzzing it tests nothing but the signature check. Its malformed
// *signed* events are issue 11's webhook bullet, tested with the webhook itself.
const EXCLUDED = new Set(['POST /v1/stripe/webhook']);
const ops = operations(doc).filter((op) => !EXCLUDED.has(op.key));

function poolsOf(w: PlatformWorld, cursors: string[]): Pools {
  const { ids, orgs, users } = w;
  const kinds: Record<string, string[]> = {
    organizations: Object.values(orgs),
    users: [users.own.userId, users.approver.userId, users.child.userId],
    tokens: [ids.tokens],
    assessments: [ids.assessments],
    'price-lists': [ids['price-lists']],
    purchases: [ids.purchases, ids.grants],
    responses: [ids.responses],
    cohorts: [ids.cohorts],
    'share-links': [ids['spare-share-links']],
    jobs: [ids.jobs, ids['import-jobs']],
    'import-jobs': [ids['import-jobs']],
    distributions: [ids.distributions],
    sales: [ids.sales, ids['active-sales']],
    products: [w.free.owners.id, w.paid.users.id],
    plans: [ids.plans],
    customers: [ids.customers],
    subscriptions: [ids.subscriptions],
    groups: [ids.groups, ids['paid-groups']],
    campaigns: [ids.campaigns],
    'access-claims': [ids['access-claims']],
    tariffs: [ids.tariffs],
    aggregators: [ids.aggregators],
    profiles: [ids.profiles],
    'share-link-tokens': [w.shareToken],
    'licence-keys': [w.licenceKey],
  };
  return { of: (kind) => kinds[kind] ?? [], anyIds: [...new Set(Object.values(kinds).flat())], cursors };
}

/** Real cursors, from lists of one item each. */
async function realCursors(s: TestStack, w: PlatformWorld): Promise<string[]> {
  const lists = ['/v1/organizations', '/v1/users', `/v1/audit?entity=organization&id=${w.orgs.own}`, '/v1/allotments', '/v1/sales', '/v1/groups'];
  const out: string[] = [];
  for (const path of lists) {
    const res = await s.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1`);
    if (res.body?.nextCursor) out.push(res.body.nextCursor);
  }
  return out;
}

describe('every operation of the OpenAPI document, fuzzed', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (stack) => {
    const world = await platformWorld(stack);
    const fp = await fingerprinter(stack.sql);
    return { world, fp, gen: generators(resolve, poolsOf(world, await realCursors(stack, world))), last: { value: undefined as Fingerprint | undefined } };
  });

  it('finds every operation in the document', () => {
    expect(ops.length).toBeGreaterThanOrEqual(80);
    expect(ops.filter((op) => op.public).map((op) => op.key)).toContain('POST /v1/public/redemptions');
  });

  async function restoreOwnManager(): Promise<void> {
    const { users, orgs, ids } = w.world;
    await s.call('PATCH', `/v1/users/${users.own.userId}`, { body: { role: 'manager', organizationId: orgs.own, assessmentIds: [ids.assessments] } });
    await s.call('POST', `/v1/users/${users.own.userId}/reactivate`);
  }

  /** Sends one request and holds the answer (and the database) to the platform's promises. */
  async function check(op: Operation, req: FuzzRequest): Promise<void> {
    const before = w.last.value ?? (await w.fp.settle());
    // Until this case is judged, the next one cannot trust `before`.
    w.last.value = undefined;
    const res = await fetch(s.baseUrl + req.url, { method: req.method, headers: req.headers, body: req.body });
    const text = await res.text();
    const what = `${req.method} ${req.url.slice(0, 300)} → ${res.status} ${text.slice(0, 500)}`;
    expect(res.status, what).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers.get('content-type'), what).toBe('application/problem+json');
      const problem = JSON.parse(text) as { code: string; status: number };
      expect(CODES.has(problem.code), what).toBe(true);
      expect(problem.status, what).toBe(res.status);
      expect(text.length, `${what}: a refusal is short, whatever the input`).toBeLessThan(20_000);
      const after = await w.fp.take();
      const changed = w.fp.diff(before, after).filter((t) => !(RECORDING_REFUSALS[problem.code] ?? []).includes(t));
      expect(changed, `${what}: a refusal changed tables`).toEqual([]);
      w.last.value = after;
    } else if (op.method === 'GET') {
      w.last.value = before;
    } else {
      // Accepted: let the workflows it started write before the next refusal is judged.
      if (op.key === 'PATCH /v1/settings') await s.call('PATCH', '/v1/settings', { body: { useAllotments: true } });
      // A user changed or deactivated is put back, so the rest of the run still calls as `own`'s manager.
      if (op.key === 'PATCH /v1/users/{id}' || op.key === 'POST /v1/users/{id}/deactivate') await restoreOwnManager();
      w.last.value = await w.fp.settle();
    }
  }

  for (const op of ops) {
    it(op.key, { timeout: 60_000 + RUNS * 4_000 }, async () => {
      const callers = op.public ? [undefined] : [s.adminToken, w.world.users.own.token];
      for (const token of callers) {
        await fc.assert(
          fc.asyncProperty(w.gen.request(op, token), (req) => check(op, req)),
          { numRuns: RUNS, seed: SEED, endOnFailure: !process.env.FUZZ_SHRINK },
        );
      }
    });
  }
});
