import { describe, expect, it } from 'vitest';
import type { TestStack } from '../support/stack';
import { unique } from '../support/unique';
import { grant, ledger, ledgerFromFacts, partnerSuite, partnerWorld, waitFor, type PartnerWorld } from './world';

// Seed 002: "Every method of creating a response or cohort counts against the allotment,
// including ... CSV uploads via Bulk Invite" and, with Pricing is By Cohort, "allotments are
// counted in cohorts. Any number of responses can be included in each cohort without affecting
// the allotment balance."

const csv = (rows: string[][], header = 'email,name') => [header, ...rows.map((r) => r.join(','))].join('\n') + '\n';
const person = (tag: string, i: number) => [`${tag}${i}@example.test`, `${tag} ${i}`];

function helpers(s: TestStack, w: () => PartnerWorld) {
  const upload = (body: string, o: { cohortId?: string; organizationId?: string } = {}) =>
    s.call('POST', `/v1/assessments/${w().assessmentId}/responses/bulk?organizationId=${o.organizationId ?? w().organizationId}${o.cohortId ? `&cohortId=${o.cohortId}` : ''}`, {
      token: w().manager.token, raw: body, headers: { 'content-type': 'text/csv' },
    });
  const cohort = async (name: string, token = w().manager.token, organizationId = w().organizationId) => {
    const res = await s.call('POST', `/v1/assessments/${w().assessmentId}/cohorts`, { token, body: { organizationId, name } });
    expect(res.status).toBe(201);
    return res.body as { id: string; counted: boolean };
  };
  const finished = async (jobId: string) => {
    const job = await waitFor(() => s.call('GET', `/v1/jobs/${jobId}`, { token: w().manager.token }), (j) => j.body.status === 'completed');
    expect(job.body.status).toBe('completed');
  };
  const responsesOf = (jobId: string) => s.sql<{ email: string; cohortId: string | null; counted: boolean }[]>`
    select respondent_email as email, cohort_id, counted from responses where job_id = ${jobId} order by job_line`;
  return { upload, cohort, finished, responsesOf };
}

describe('bulk invites into cohorts when the assessment is priced by cohort', () => {
  const { s, w } = partnerSuite({ pricingByCohort: true, grant: 3 });
  const { upload, cohort, finished, responsesOf } = helpers(s, () => w);
  const columns = () => ledger(s, w.organizationId, w.assessmentId);

  it('takes ?cohortId=: the responses join the cohort and cost nothing beyond the cohort', async () => {
    const spring = await cohort('Spring');
    expect(spring.counted).toBe(true);
    expect(await columns()).toMatchObject({ unit: 'cohort', allocated: 3, used: 1, available: 2 });
    const res = await upload(csv([1, 2, 3, 4].map((i) => person('spring', i))), { cohortId: spring.id });
    expect(res.status).toBe(202);
    await finished(res.body.id);
    const rows = await responsesOf(res.body.id);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.cohortId === spring.id && !r.counted)).toBe(true);
    expect(await columns()).toMatchObject({ used: 1, unexpired: 0, available: 2 });
  });

  it('takes a cohortId column, row by row, falling back to ?cohortId= for empty cells', async () => {
    const [a, b] = [await cohort('Class A'), await cohort('Class B')];
    const res = await upload(csv([[...person('col', 1), a.id], [...person('col', 2), b.id], [...person('col', 3), '']], 'email,name,cohortId'), { cohortId: a.id });
    expect(res.status).toBe(202);
    await finished(res.body.id);
    expect((await responsesOf(res.body.id)).map((r) => r.cohortId)).toEqual([a.id, b.id, a.id]);
    expect(await columns()).toMatchObject(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
  });

  it('refuses rows without a cohort (422) and unknown cohorts (400 by line, 404 for the query), creating nothing', async () => {
    const count = async () => (await s.sql`select count(*)::int as n from responses where organization_id = ${w.organizationId}`)[0]!.n;
    const before = { responses: await count(), ledger: await columns() };
    const [known] = await s.sql<{ id: string }[]>`select id from cohorts where organization_id = ${w.organizationId} limit 1`;

    const none = await upload(csv([person('none', 1), [...person('none', 2)]]));
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('UNPROCESSABLE');
    expect(none.body.errors.map((e: { path: string }) => e.path)).toEqual(['line 2.cohortId', 'line 3.cohortId']);

    const partly = await upload(csv([[...person('partly', 1), known!.id], [...person('partly', 2), '']], 'email,name,cohortId'));
    expect(partly.status).toBe(422);
    expect(partly.body.errors.map((e: { path: string }) => e.path)).toEqual(['line 3.cohortId']);

    const stranger = await partnerWorld(s, { pricingByCohort: true, grant: 1 });
    const theirs = await s.call('POST', `/v1/assessments/${stranger.assessmentId}/cohorts`, { token: stranger.manager.token, body: { organizationId: stranger.organizationId, name: 'Theirs' } });
    const unknown = await upload(csv([[...person('unk', 1), theirs.body.id], [...person('unk', 2), 'not-a-uuid']], 'email,name,cohortId'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string; message: string }) => e.path)).toEqual(['line 3.cohortId']);
    const foreign = await upload(csv([[...person('unk', 1), theirs.body.id]], 'email,name,cohortId'));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'line 2.cohortId', message: 'no such cohort of this organization and assessment' })]);

    const query = await upload(csv([person('q', 1)]), { cohortId: theirs.body.id });
    expect(query.status).toBe(404);

    expect(await count()).toBe(before.responses);
    expect(await columns()).toEqual(before.ledger);
  });
});

describe('bulk invites into a cohort when the assessment is priced by response', () => {
  const { s, w } = partnerSuite({ grant: 5 });
  const { upload, cohort, finished, responsesOf } = helpers(s, () => w);

  it('puts the rows in the cohort and counts one unit each', async () => {
    const c = await cohort('Autumn');
    expect(c.counted).toBe(false);
    const res = await upload(csv([1, 2, 3].map((i) => person('autumn', i))), { cohortId: c.id });
    expect(res.status).toBe(202);
    await finished(res.body.id);
    expect((await responsesOf(res.body.id)).every((r) => r.cohortId === c.id && r.counted)).toBe(true);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ unit: 'response', invited: 3, unexpired: 3, available: 2 });
  });
});

// A cohort made while its organization was not metered was counted nothing. Once metered, it is
// counted at its first use (seed 002: "An unused or empty cohort still counts against the
// allotment once it has been initiated"); it is never a way in for free.
describe('a cohort created before its organization was metered', () => {
  const { s, w } = partnerSuite({ pricingByCohort: true });

  /** An organization that does not buy allotments yet, with a manager linked to the cohort-priced assessment. */
  const lateBuyer = async () => {
    const organizationId = await s.organization({ name: unique('Late buyer') });
    const manager = await s.userWithToken({ role: 'manager', organizationId, assessmentIds: [w.assessmentId] });
    return { assessmentId: w.assessmentId, priceListId: w.priceListId, organizationId, manager };
  };
  const invite = (cohortId: string, token: string, tag: string) =>
    s.call('POST', `/v1/cohorts/${cohortId}/invitations`, { token, body: { respondents: [{ email: `${tag}@example.test`, name: tag }] } });
  const meter = async (organizationId: string) => {
    const res = await s.call('PATCH', `/v1/organizations/${organizationId}`, { body: { responseAllotment: 'can_be_purchased' } });
    expect(res.status).toBe(200);
  };

  it('is counted at its first use once metering starts, refused while no unit is available, and free after that', async () => {
    const b = await lateBuyer();
    const { cohort, upload, finished } = helpers(s, () => b);
    const old = await cohort('Made before metering', b.manager.token, b.organizationId);
    expect(old.counted).toBe(false);
    expect((await invite(old.id, b.manager.token, 'free-then')).status).toBe(201);

    await meter(b.organizationId);
    const refused = await invite(old.id, b.manager.token, 'blocked');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ALLOTMENT_EXHAUSTED', available: 0, requested: 1 });
    const [still] = await s.sql`select counted from cohorts where id = ${old.id}`;
    expect(still!.counted).toBe(false);
    const [blocked] = await s.sql`select count(*)::int as n from responses where respondent_email = 'blocked@example.test'`;
    expect(blocked!.n).toBe(0);

    await grant(s, b.organizationId, b.assessmentId, 2);
    expect((await invite(old.id, b.manager.token, 'first-metered')).status).toBe(201);
    expect(await ledger(s, b.organizationId, b.assessmentId)).toMatchObject({ allocated: 2, invited: 1, used: 1, available: 1 });
    const [counted] = await s.sql`select counted from cohorts where id = ${old.id}`;
    expect(counted!.counted).toBe(true);
    const [audit] = await s.sql`select action from audit_events where entity = 'cohort' and entity_id = ${old.id} and action = 'count'`;
    expect(audit).toBeDefined();

    // From then on it is a cohort like any other: its responses cost nothing, on every path.
    expect((await invite(old.id, b.manager.token, 'second-metered')).status).toBe(201);
    const bulk = await upload(csv([person('old-bulk', 1), person('old-bulk', 2)]), { cohortId: old.id, organizationId: b.organizationId });
    expect(bulk.status).toBe(202);
    await finished(bulk.body.id);
    expect(await ledger(s, b.organizationId, b.assessmentId)).toMatchObject({ allocated: 2, invited: 1, used: 1, available: 1 });
    expect(await ledger(s, b.organizationId, b.assessmentId)).toMatchObject(await ledgerFromFacts(s, b.organizationId, b.assessmentId));
  });

  it('is counted once when many requests use it at the same moment', async () => {
    const b = await lateBuyer();
    const { cohort } = helpers(s, () => b);
    const old = await cohort('Busy', b.manager.token, b.organizationId);
    await meter(b.organizationId);
    await grant(s, b.organizationId, b.assessmentId, 1);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => invite(old.id, b.manager.token, `rush${i}-${old.id.slice(0, 6)}`)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await ledger(s, b.organizationId, b.assessmentId)).toMatchObject({ allocated: 1, invited: 1, used: 1, available: 0 });
    expect(await ledger(s, b.organizationId, b.assessmentId)).toMatchObject(await ledgerFromFacts(s, b.organizationId, b.assessmentId));
  });
});
