import { describe, expect, it } from 'vitest';
import type { TestStack } from '../support/stack';
import { suiteStack } from '../support/suite';
import { partnerWorld, waitFor } from './world';

/** Two partners, and a response, cohort, bulk job and purchase of the first. */
async function twoPartners(s: TestStack) {
  const mine = await partnerWorld(s, { grant: 10 });
  const theirs = await partnerWorld(s, { grant: 10 });
  const t = mine.manager.token;
  const responseId: string = (await s.call('POST', `/v1/assessments/${mine.assessmentId}/responses`, { token: t, body: { organizationId: mine.organizationId, respondent: { email: 'a@example.test', name: 'A' } } })).body.id;
  const cohortId: string = (await s.call('POST', `/v1/assessments/${mine.assessmentId}/cohorts`, { token: t, body: { organizationId: mine.organizationId, name: 'Mine' } })).body.id;
  const jobId: string = (await s.call('POST', `/v1/assessments/${mine.assessmentId}/responses/bulk?organizationId=${mine.organizationId}`, { token: t, raw: 'email,name\nb@example.test,B\n', headers: { 'content-type': 'text/csv' } })).body.id;
  const purchaseId: string = (await s.call('POST', '/v1/allotments/purchases', { token: t, body: { organizationId: mine.organizationId, assessmentId: mine.assessmentId, quantity: 1, currency: 'EUR' } })).body.id;
  return { mine, theirs, responseId, cohortId, jobId, purchaseId };
}

describe('managers of other organizations can neither see nor use an allotment', () => {
  const { s, w } = suiteStack({}, twoPartners);

  it('does not list it', async () => {
    const list = await s.call('GET', '/v1/allotments', { token: w.theirs.manager.token });
    expect(list.body.items.map((a: { organizationId: string }) => a.organizationId)).toEqual([w.theirs.organizationId]);
    const filtered = await s.call('GET', `/v1/allotments?organizationId=${w.mine.organizationId}`, { token: w.theirs.manager.token });
    expect(filtered.body.items).toEqual([]);
  });

  it('answers 404 for everything of it, and changes nothing', async () => {
    const t = w.theirs.manager.token;
    const before = await s.sql`select allocated, invited, used, unexpired from allotments where organization_id = ${w.mine.organizationId}`;
    const attempts = await Promise.all([
      s.call('GET', `/v1/responses/${w.responseId}`, { token: t }),
      s.call('POST', `/v1/responses/${w.responseId}/complete`, { token: t, body: {} }),
      s.call('POST', `/v1/responses/${w.responseId}/extend`, { token: t, body: { expiresAt: '2099-01-01T00:00:00Z' } }),
      s.call('GET', `/v1/jobs/${w.jobId}`, { token: t }),
      s.call('GET', `/v1/allotments/purchases/${w.purchaseId}`, { token: t }),
      s.call('POST', `/v1/cohorts/${w.cohortId}/invitations`, { token: t, body: { respondents: [{ email: 'x@example.test', name: 'X' }] } }),
      s.call('POST', `/v1/assessments/${w.mine.assessmentId}/responses`, { token: t, body: { organizationId: w.mine.organizationId, respondent: { email: 'x@example.test', name: 'X' } } }),
      s.call('POST', `/v1/assessments/${w.theirs.assessmentId}/responses`, { token: t, body: { organizationId: w.mine.organizationId, respondent: { email: 'x@example.test', name: 'X' } } }),
      s.call('POST', `/v1/assessments/${w.mine.assessmentId}/share-links`, { token: t, body: { organizationId: w.mine.organizationId } }),
      s.call('POST', `/v1/assessments/${w.mine.assessmentId}/responses/bulk?organizationId=${w.mine.organizationId}`, { token: t, raw: 'email,name\nx@example.test,X\n', headers: { 'content-type': 'text/csv' } }),
    ]);
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(await s.sql`select allocated, invited, used, unexpired from allotments where organization_id = ${w.mine.organizationId}`).toEqual(before);
  });

  it('lets ops find every response, purchase and job of the organization by search attribute', async () => {
    const kinds = await waitFor(
      async () => {
        const found = new Set<string>();
        for await (const wf of s.client.workflow.list({ query: `PartnerflowOrganizationId = "${w.mine.organizationId}"` })) {
          found.add(String(wf.searchAttributes.PartnerflowKind?.[0]));
        }
        return [...found].sort();
      },
      (k) => k.length === 3,
    );
    expect(kinds).toEqual(['job', 'purchase', 'response']);
  });

  it('lets a manager of the parent organization see a child\'s allotment', async () => {
    const parentOrg = await s.organization({ name: 'Holding' });
    await s.call('PATCH', `/v1/organizations/${w.mine.organizationId}`, { body: { parentId: parentOrg } });
    const parentManager = await s.userWithToken({ role: 'manager', organizationId: parentOrg, assessmentIds: [w.mine.assessmentId] });
    const list = await s.call('GET', '/v1/allotments', { token: parentManager.token });
    expect(list.body.items.map((a: { organizationId: string }) => a.organizationId)).toEqual([w.mine.organizationId]);
  });

  it('keeps managers who are not linked to the assessment out, even in their own organization', async () => {
    const unlinked = await s.userWithToken({ role: 'manager', organizationId: w.mine.organizationId });
    const res = await s.call('POST', `/v1/assessments/${w.mine.assessmentId}/responses`, { token: unlinked.token, body: { organizationId: w.mine.organizationId, respondent: { email: 'y@example.test', name: 'Y' } } });
    expect(res.status).toBe(404);
    expect((await s.call('GET', '/v1/allotments', { token: unlinked.token })).body.items).toEqual([]);
  });

  it('shows a bulk invitation\'s job only to managers linked to its assessment', async () => {
    const unlinked = await s.userWithToken({ role: 'manager', organizationId: w.mine.organizationId });
    const refused = await s.call('GET', `/v1/jobs/${w.jobId}`, { token: unlinked.token });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    const linked = await s.call('GET', `/v1/jobs/${w.jobId}`, { token: w.mine.manager.token });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ id: w.jobId, kind: 'bulk_invite', total: 1 });
  });
});
