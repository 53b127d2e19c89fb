// P2: an authenticated allotment read under HTTP load against a bare route of the same process.
import autocannon from 'autocannon';
import type { BenchEnv } from './env';
import type { Run } from './measure';
import { partner } from './allotments';

export const HTTP_CONNECTIONS = 32;

/** The allotment a manager reads (their token, their organization, scope checks and all). */
export async function allotmentReader(env: BenchEnv) {
  const { assessment, org } = await partner(env, 100);
  const user = await env.call('POST', '/v1/users', { email: `reader-${org}@example.test`, name: 'Reader', role: 'manager', organizationId: org, assessmentIds: [assessment] });
  const token = (await env.call('POST', `/v1/users/${user.body.id}/tokens`, {})).body.token as string;
  const path = `/v1/allotments?organizationId=${org}&assessmentId=${assessment}`;
  const expected = await fetch(env.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  const body = await expected.text();
  if (expected.status !== 200 || !body.includes(org)) throw new Error(`allotment read failed: ${expected.status} ${body}`);
  return { path, token, body };
}

/** `durationS` seconds of `HTTP_CONNECTIONS` connections requesting `path`; every answer must be 200 with `body`. */
export async function load(env: BenchEnv, path: string, durationS: number, body: string, token?: string): Promise<Run> {
  const r = await autocannon({
    url: env.baseUrl + path,
    connections: HTTP_CONNECTIONS,
    duration: durationS,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    expectBody: body,
  });
  const ok = r['2xx'] - r.mismatches;
  const failed = r.non2xx + r.errors + r.timeouts + r.mismatches;
  return {
    seconds: r.duration,
    ok,
    exact: failed === 0 && ok > 0,
    note: failed ? `${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} wrong bodies` : undefined,
    extra: { p99Ms: r.latency.p99, p50Ms: r.latency.p50 },
  };
}
