import { describe, expect, it } from 'vitest';
import { ledger, ledgerFromFacts, partnerSuite, waitFor } from './world';

describe('200 simultaneous creations across the four paths against an allotment of 100', () => {
  // Respondents reach the public link through a proxy the server trusts, from their own addresses.
  const { s, w } = partnerSuite({ grant: 100 }, { trustedProxies: ['127.0.0.1'] });

  it('creates exactly 100, refuses the rest with ALLOTMENT_EXHAUSTED, and the columns stay consistent', async () => {
    const cohort = (await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Race' } })).body;
    const link = (await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } })).body;
    const t = w.manager.token;
    const requests = Array.from({ length: 200 }, (_, i) => {
      const who = { email: `race${i}@example.test`, name: `Racer ${i}` };
      switch (i % 4) {
        case 0:
          return s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: t, body: { organizationId: w.organizationId, respondent: who } });
        case 1:
          return s.call('POST', `/v1/cohorts/${cohort.id}/invitations`, { token: t, body: { respondents: [who] } });
        case 2:
          return s.call('POST', `/v1/public/share-links/${link.token}/responses`, { token: null, body: who, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
        default:
          return s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: t, raw: `email,name\n${who.email},${who.name}\n`, headers: { 'content-type': 'text/csv' } });
      }
    });
    const results = await Promise.all(requests);
    const accepted = results.filter((r) => r.status === 201 || r.status === 202);
    expect(accepted).toHaveLength(100);
    // Every other request was refused without creating anything: at zero (409), or, on a machine
    // so loaded that Temporal missed a deadline, with 503 and Retry-After.
    const answers = results.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.body.code}`);
    expect(answers).toHaveLength(100);
    for (const a of answers) expect(['409 ALLOTMENT_EXHAUSTED', '503 UNAVAILABLE']).toContain(a);
    expect(answers.filter((a) => a.startsWith('409')).length).toBeGreaterThan(0);

    const [created] = await s.sql`select count(*)::int as n from responses where organization_id = ${w.organizationId}`;
    expect(created!.n).toBe(100);
    const columns = await ledger(s, w.organizationId, w.assessmentId);
    expect(columns).toMatchObject({ allocated: 100, invited: 100, unexpired: 100, used: 0, expired: 0, available: 0 });
    const { nextReleaseAt: _n, organizationId: _o, assessmentId: _a, unit: _u, ...cols } = columns;
    expect(cols).toEqual(await ledgerFromFacts(s, w.organizationId, w.assessmentId));

    // Every accepted response gets its invitation workflow, bulk ones through their job.
    const running = await waitFor(
      async () => {
        const ids = await s.sql<{ id: string }[]>`select id from responses where organization_id = ${w.organizationId}`;
        const states = await Promise.all(ids.map((r) => s.client.workflow.getHandle(`response-${r.id}`).describe().then((d) => d.status.name, () => 'MISSING')));
        return states.filter((x) => x === 'RUNNING').length;
      },
      (n) => n === 100,
    );
    expect(running).toBe(100);
  });

  it('rate-limits a public link per client address', async () => {
    const link = (await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } })).body;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await s.call('POST', `/v1/public/share-links/${link.token}/responses`, { token: null, body: { email: `rl${i}@example.test`, name: 'RL' }, headers: { 'x-forwarded-for': '192.0.2.77' } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(409));
    expect(statuses.slice(30)).toEqual([429, 429]);
    const other = await s.call('POST', `/v1/public/share-links/${link.token}/responses`, { token: null, body: { email: 'other@example.test', name: 'O' }, headers: { 'x-forwarded-for': '192.0.2.78' } });
    expect(other.status).toBe(409);
  });
});
