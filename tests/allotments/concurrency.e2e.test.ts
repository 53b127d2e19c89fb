import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { freshRateWindow } from '../support/rate-window';
import type { ApiResult } from '../support/stack';
import { holdLock } from '../support/races';
import { ledger, ledgerFromFacts, partnerSuite, waitFor } from './world';

type Path = 'manual' | 'cohort' | 'share_link' | 'bulk';
/** Units each request of a path asks for: cohort invitations and bulk uploads carry several respondents. */
const UNITS: Record<Path, number> = { manual: 1, cohort: 2, share_link: 1, bulk: 3 };
const PATHS = Object.keys(UNITS) as Path[];

/** Holds the allotment row, so every reservation queues behind it: the test sees them waiting together. */
const holdAllotment = (s: { dbUrl: string }, w: { organizationId: string; assessmentId: string }) =>
  holdLock(s.dbUrl, (tx) => tx`select 1 from allotments where organization_id = ${w.organizationId} and assessment_id = ${w.assessmentId} for update`);

describe('200 simultaneous creations across the four paths against an allotment of 100', () => {
  // Respondents reach the public link through a proxy the server trusts, from their own addresses.
  const { s, w } = partnerSuite({ grant: 100 }, { trustedProxies: ['127.0.0.1'] });

  it('creates exactly what 100 units allow on every path, refuses the rest whole with ALLOTMENT_EXHAUSTED, never a 5xx', { timeout: 120_000 }, async () => {
    const cohort = (await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Race' } })).body;
    const link = (await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } })).body;
    const t = w.manager.token;
    const who = (i: number, k = 0) => ({ email: `race${i}-${k}@example.test`, name: `Racer ${i}/${k}` });
    const send = (path: Path, i: number): Promise<ApiResult> => {
      switch (path) {
        case 'manual':
          return s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: t, body: { organizationId: w.organizationId, respondent: who(i) } });
        case 'cohort':
          return s.call('POST', `/v1/cohorts/${cohort.id}/invitations`, { token: t, body: { respondents: [who(i), who(i, 1)] } });
        case 'share_link':
          return s.call('POST', `/v1/public/share-links/${link.token}/responses`, { token: null, body: who(i), headers: { 'x-forwarded-for': `198.51.100.${i}` } });
        case 'bulk': {
          const csv = 'email,name\n' + [0, 1, 2].map((k) => `${who(i, k).email},${who(i, k).name}`).join('\n') + '\n';
          return s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: t, raw: csv, headers: { 'content-type': 'text/csv' } });
        }
      }
    };

    // Every reservation waits behind the held allotment row until the pool is full of them: the
    // requests really contend; then they go, one at a time, in the database's order.
    const held = await holdAllotment(s, w);
    const sent = Array.from({ length: 200 }, (_, i) => ({ path: PATHS[i % 4]!, i, answer: send(PATHS[i % 4]!, i) }));
    try {
      await held.waitForWaiters(10, 'reservations of concurrent creations');
    } finally {
      await held.release();
    }
    const results = await Promise.all(sent.map(async (r) => ({ ...r, res: await r.answer })));

    expect(results.filter((r) => r.res.status >= 500).map((r) => `${r.path} ${r.res.status} ${JSON.stringify(r.res.body)}`)).toEqual([]);
    let units = 0;
    for (const path of PATHS) {
      const mine = results.filter((r) => r.path === path);
      expect(mine).toHaveLength(50);
      const accepted = mine.filter((r) => r.res.status === (path === 'bulk' ? 202 : 201));
      const refused = mine.filter((r) => r.res.status === 409);
      // Every answer of the path is a creation or a whole refusal, and the path took part in the race.
      expect(accepted.length + refused.length, path).toBe(50);
      expect(accepted.length, `${path}: accepted`).toBeGreaterThan(0);
      expect(refused.length, `${path}: refused`).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.res.body.code).toBe('ALLOTMENT_EXHAUSTED');
        expect(r.res.body.available).toBeLessThan(UNITS[path]);
        if (path !== 'share_link') expect(r.res.body.requested).toBe(UNITS[path]);
      }
      // What each path created is exactly what it answered: all rows of an accepted request, none of a refused one.
      const [created] = await s.sql`select count(*)::int as n from responses where organization_id = ${w.organizationId} and source = ${path}`;
      expect(created!.n, `${path}: responses`).toBe(accepted.length * UNITS[path]);
      units += accepted.length * UNITS[path];
    }
    const [jobs] = await s.sql`select count(*)::int as n from jobs where organization_id = ${w.organizationId} and kind = 'bulk_invite'`;
    expect(jobs!.n).toBe(results.filter((r) => r.path === 'bulk' && r.res.status === 202).length);

    // Single-unit requests were refused, so the allotment was used up to the last unit, never beyond.
    expect(units).toBe(100);
    const columns = await ledger(s, w.organizationId, w.assessmentId);
    expect(columns).toMatchObject({ allocated: 100, invited: 100, unexpired: 100, used: 0, expired: 0, available: 0 });
    const { nextReleaseAt: _n, organizationId: _o, assessmentId: _a, unit: _u, lowBalanceThreshold: _t, ...cols } = columns;
    expect(cols).toEqual(await ledgerFromFacts(s, w.organizationId, w.assessmentId));

    // Every accepted response gets its invitation workflow, bulk ones through their job.
    const running = await waitFor(
      () => s.client.workflow.count(`PartnerflowKind = "response" AND PartnerflowOrganizationId = "${w.organizationId}" AND ExecutionStatus = "Running"`),
      (c) => c.count === 100,
      { what: '100 running invitation workflows' },
    );
    expect(running.count).toBe(100);
  });

  it('limits a public link per link, not per address; guessing links is what an address is throttled for', async () => {
    const LIMIT = loadConfig({}).RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE;
    const link = (await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } })).body;
    const respond = (token: string, i: number, ip: string) =>
      s.call('POST', `/v1/public/share-links/${token}/responses`, { token: null, body: { email: `rl${i}@example.test`, name: 'RL' }, headers: { 'x-forwarded-for': ip } });
    await freshRateWindow(s.sql);
    // A class behind one address: every respondent gets the ledger's answer (at zero here), none a 429.
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await respond(link.token, i, '192.0.2.77')).status);
    expect(statuses).toEqual(Array(32).fill(409));

    const guesses = [];
    for (let i = 0; i < LIMIT + 2; i++) guesses.push(await respond(`not-a-link-${i}-000000000000`, i, '192.0.2.77'));
    expect(guesses.map((g) => g.status)).toEqual([...Array(LIMIT).fill(404), 429, 429]);
    expect(guesses.at(-1)!.body.code).toBe('RATE_LIMITED');
    const wait = Number(guesses.at(-1)!.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Until the minute is over the guesser cannot tell a real link from a wrong one; others are not held up.
    expect((await respond(link.token, 99, '192.0.2.77')).status).toBe(429);
    expect((await respond(link.token, 98, '192.0.2.78')).status).toBe(409);
  });
});

describe('40 simultaneous cohort creations against an allotment of 10 cohorts (priced by cohort)', () => {
  const { s, w } = partnerSuite({ grant: 10, pricingByCohort: true });

  it('creates exactly 10 counted cohorts and refuses 30 with ALLOTMENT_EXHAUSTED, never a 5xx', async () => {
    const held = await holdAllotment(s, w);
    const answers = Array.from({ length: 40 }, (_, i) =>
      s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: `Cohort ${i}` } }),
    );
    try {
      await held.waitForWaiters(10, 'concurrent cohort creations');
    } finally {
      await held.release();
    }
    const results = await Promise.all(answers);
    expect(results.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), ...Array(30).fill(409)]);
    const refused = results.filter((r) => r.status === 409);
    expect(refused.map((r) => `${r.body.code} ${r.body.requested} ${r.body.available}`)).toEqual(Array(30).fill('ALLOTMENT_EXHAUSTED 1 0'));
    expect(results.filter((r) => r.status === 201).map((r) => r.body.counted)).toEqual(Array(10).fill(true));
    const [cohorts] = await s.sql`select count(*)::int as n, count(*) filter (where counted)::int as counted from cohorts where organization_id = ${w.organizationId}`;
    expect(cohorts).toEqual({ n: 10, counted: 10 });
    const columns = await ledger(s, w.organizationId, w.assessmentId);
    expect(columns).toMatchObject({ unit: 'cohort', allocated: 10, invited: 10, used: 10, unexpired: 0, available: 0 });
    const { nextReleaseAt: _n, organizationId: _o, assessmentId: _a, unit: _u, lowBalanceThreshold: _t, ...cols } = columns;
    expect(cols).toEqual(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
  });
});
