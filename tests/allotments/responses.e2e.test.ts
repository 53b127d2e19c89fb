import { describe, expect, it } from 'vitest';
import { grant, ledger, ledgerFromFacts, partnerSuite, waitFor } from './world';

const respondent = (i: number | string) => ({ email: `r${i}@example.test`, name: `Respondent ${i}` });

describe('every creation path counts against the allotment and is blocked at zero', () => {
  const { s, w } = partnerSuite({ grant: 5 });

  const columns = () => ledger(s, w.organizationId, w.assessmentId);

  it('starts with what was granted', async () => {
    expect(await columns()).toMatchObject({ unit: 'response', allocated: 5, invited: 0, used: 0, unexpired: 0, expired: 0, available: 5 });
  });

  it('manual entry: one unit held while open, with a default 14-day expiry and a running invitation workflow', async () => {
    const before = Date.now();
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: respondent('manual') } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'invited', source: 'manual', counted: true, respondent: respondent('manual') });
    const days = (new Date(res.body.expiresAt).getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    const wf = await s.client.workflow.getHandle(`response-${res.body.id}`).describe();
    expect(wf.status.name).toBe('RUNNING');
    expect(await columns()).toMatchObject({ allocated: 5, invited: 1, unexpired: 1, used: 0, available: 4 });
  });

  it('cohort invitations: one unit per respondent', async () => {
    const cohort = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Spring' } });
    expect(cohort.status).toBe(201);
    expect(cohort.body.counted).toBe(false);
    const inv = await s.call('POST', `/v1/cohorts/${cohort.body.id}/invitations`, { token: w.manager.token, body: { respondents: [respondent('c1'), respondent('c2')] } });
    expect(inv.status).toBe(201);
    expect(inv.body.items).toHaveLength(2);
    expect(await columns()).toMatchObject({ invited: 3, unexpired: 3, available: 2 });
  });

  it('share link: public, unguessable, counts one unit, tells the respondent nothing about the organization', async () => {
    const link = await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } });
    expect(link.status).toBe(201);
    expect(link.body.token.length).toBeGreaterThanOrEqual(32);
    const res = await s.call('POST', `/v1/public/share-links/${link.body.token}/responses`, { token: null, body: respondent('link') });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'id', 'status']);
    expect((await s.call('POST', `/v1/public/share-links/${link.body.token}x/responses`, { token: null, body: respondent('x') })).status).toBe(404);
    expect(await columns()).toMatchObject({ invited: 4, unexpired: 4, available: 1 });
  });

  it('bulk CSV: refused whole when it needs more than available, nothing created', async () => {
    const csv = 'email,name\nb1@example.test,B1\nb2@example.test,B2\n';
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ALLOTMENT_EXHAUSTED', available: 1, requested: 2, unexpired: 4 });
    const [count] = await s.sql`select count(*)::int as n from responses where source = 'bulk'`;
    expect(count!.n).toBe(0);
    expect(await columns()).toMatchObject({ invited: 4, available: 1 });
  });

  it('bulk CSV within the balance: 202, a job that reports progress to completion', async () => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: 'email,name\nb3@example.test,B3\n', headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'running', total: 1 });
    const job = await waitFor(() => s.call('GET', `/v1/jobs/${res.body.id}`, { token: w.manager.token }), (r) => r.body.status === 'completed');
    expect(job.body).toMatchObject({ status: 'completed', total: 1, processed: 1, failed: 0, errors: [] });
    expect(await columns()).toMatchObject({ invited: 5, unexpired: 5, available: 0 });
  });

  it('at zero every path answers 409 ALLOTMENT_EXHAUSTED with available, what holds the units and when the next frees', async () => {
    const manual = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: respondent('late') } });
    expect(manual.status).toBe(409);
    expect(manual.body).toMatchObject({ code: 'ALLOTMENT_EXHAUSTED', available: 0, unexpired: 5 });
    const earliest = await s.sql`select min(expires_at) as at from responses where organization_id = ${w.organizationId}`;
    expect(manual.body.nextReleaseAt).toBe(earliest[0]!.at.toISOString());

    const [cohort] = await s.sql`select id from cohorts where organization_id = ${w.organizationId}`;
    const inv = await s.call('POST', `/v1/cohorts/${cohort!.id}/invitations`, { token: w.manager.token, body: { respondents: [respondent('late2')] } });
    expect(inv.body.code).toBe('ALLOTMENT_EXHAUSTED');
    const link = await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } });
    const pub = await s.call('POST', `/v1/public/share-links/${link.body.token}/responses`, { token: null, body: respondent('late3') });
    expect(pub.status).toBe(409);
    expect(pub.body.code).toBe('ALLOTMENT_EXHAUSTED');
    expect(pub.body.nextReleaseAt).toBeUndefined();
    const bulk = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, { token: w.manager.token, raw: 'email,name\nz@example.test,Z\n', headers: { 'content-type': 'text/csv' } });
    expect(bulk.body.code).toBe('ALLOTMENT_EXHAUSTED');
    expect(await columns()).toMatchObject({ invited: 5, available: 0 });
  });

  it('completion moves a unit from Unexpired to Used for good; completing again is refused', async () => {
    const [r] = await s.sql`select id from responses where source = 'manual' and organization_id = ${w.organizationId}`;
    const done = await s.call('POST', `/v1/responses/${r!.id}/complete`, { token: w.manager.token, body: {} });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(await columns()).toMatchObject({ used: 1, unexpired: 4, available: 0 });
    const again = await s.call('POST', `/v1/responses/${r!.id}/complete`, { token: w.manager.token, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RESPONSE_COMPLETED');
    expect(await columns()).toMatchObject({ used: 1, unexpired: 4 });
  });

  it('more units unblock every path; the ledger always equals a recount of the facts', async () => {
    await grant(s, w.organizationId, w.assessmentId, 3);
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: respondent('after') } });
    expect(res.status).toBe(201);
    const { nextReleaseAt: _n, organizationId: _o, assessmentId: _a, unit: _u, lowBalanceThreshold: _t, ...cols } = await columns();
    expect(cols).toEqual(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
  });
});

describe('expiry gives the unit back; an expired response is locked; open ones can be extended', () => {
  const { s, w } = partnerSuite({ grant: 2 });

  it('a response given an explicit near expiresAt expires on time and returns its unit', async () => {
    const expiresAt = new Date(Date.now() + 3000).toISOString();
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: respondent('short'), expiresAt } });
    expect(res.status).toBe(201);
    expect(res.body.expiresAt).toBe(expiresAt);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ unexpired: 1, available: 1 });
    const expired = await waitFor(() => s.call('GET', `/v1/responses/${res.body.id}`, { token: w.manager.token }), (r) => r.body.status === 'expired', 20_000);
    expect(expired.body.status).toBe('expired');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ unexpired: 0, expired: 1, available: 2 });

    const late = await s.call('POST', `/v1/responses/${res.body.id}/complete`, { token: w.manager.token, body: {} });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('RESPONSE_EXPIRED');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ used: 0, expired: 1 });
  });

  it('extends an open response, refuses an earlier or past expiry', async () => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: respondent('ext') } });
    const later = new Date(new Date(res.body.expiresAt).getTime() + 7 * 86_400_000).toISOString();
    const ext = await s.call('POST', `/v1/responses/${res.body.id}/extend`, { token: w.manager.token, body: { expiresAt: later } });
    expect(ext.status).toBe(200);
    expect(ext.body.expiresAt).toBe(later);
    const state = await s.client.workflow.getHandle(`response-${res.body.id}`).query('invitationState');
    expect(state).toEqual({ status: 'invited', expiresAt: later });
    const earlier = await s.call('POST', `/v1/responses/${res.body.id}/extend`, { token: w.manager.token, body: { expiresAt: res.body.expiresAt } });
    expect(earlier.status).toBe(422);
    const past = await s.call('POST', `/v1/responses/${res.body.id}/extend`, { token: w.manager.token, body: { expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
  });
});
