import { describe, expect, it } from 'vitest';
import { ledger, ledgerFromFacts, partnerSuite } from './world';

describe('one response completed by ten callers at once', () => {
  const { s, w } = partnerSuite({ grant: 3 });

  it('answers one 200 and nine 409 RESPONSE_COMPLETED, never a 5xx, and uses the unit once', async () => {
    const created = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token,
      body: { organizationId: w.organizationId, respondent: { email: 'once@example.test', name: 'Once' } },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const answers = await Promise.all(Array.from({ length: 10 }, () => s.call('POST', `/v1/responses/${id}/complete`, { token: w.manager.token, body: {} })));
    const seen = answers.map((a) => `${a.status} ${a.status === 200 ? a.body.status : a.body.code}`).sort();
    expect(seen).toHaveLength(10);
    expect(seen).toEqual(['200 completed', ...Array.from({ length: 9 }, () => '409 RESPONSE_COMPLETED')]);

    const columns = await ledger(s, w.organizationId, w.assessmentId);
    expect(columns).toMatchObject({ allocated: 3, invited: 1, used: 1, unexpired: 0, available: 2 });
    const { nextReleaseAt: _n, organizationId: _o, assessmentId: _a, unit: _u, lowBalanceThreshold: _t, ...cols } = columns;
    expect(cols).toEqual(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
    const [audit] = await s.sql`select count(*)::int as n from audit_events where entity = 'response' and entity_id = ${id} and action = 'complete'`;
    expect(audit!.n).toBe(1);
  });

  it('answers twenty at once the same way (past the server\'s ten in-flight updates per workflow)', async () => {
    const created = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token,
      body: { organizationId: w.organizationId, respondent: { email: 'twenty@example.test', name: 'Twenty' } },
    });
    expect(created.status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 20 }, () => s.call('POST', `/v1/responses/${created.body.id}/complete`, { token: w.manager.token, body: {} })));
    const seen = answers.map((a) => `${a.status} ${a.status === 200 ? a.body.status : a.body.code}`).sort();
    expect(seen).toHaveLength(20);
    expect(seen).toEqual(['200 completed', ...Array.from({ length: 19 }, () => '409 RESPONSE_COMPLETED')]);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ invited: 2, used: 2, unexpired: 0, available: 1 });
  });
});
