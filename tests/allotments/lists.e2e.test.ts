import { describe, expect, it } from 'vitest';
import type { TestStack } from '../support/stack';
import { unique, uniqueEmail } from '../support/unique';
import { grant, ledger, partnerSuite, waitFor } from './world';

// The lists of the allotments lifecycle (README, "API conventions"): pages of JSON followed by
// nextCursor, filters, scope, and the same list as CSV when the caller accepts text/csv.

/** Every item of a list, page by page (`limit` each), with the number of pages read. */
async function allPages(s: TestStack, path: string, token?: string, limit = 2) {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: any } = await s.call('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
    if (pages > 100) throw new Error(`more than 100 pages of ${path}`);
  } while (cursor);
  return { items, pages };
}

/** A CSV answer as header and records (the exports here hold no quoted line breaks). */
function csvRecords(text: string) {
  const lines = text.split('\r\n');
  expect(lines.at(-1)).toBe('');
  return { header: lines[0]!.split(','), records: lines.slice(1, -1) };
}

describe('the ledger of one allotment: every movement with who made it and the columns after it', () => {
  const { s, w } = partnerSuite({ grant: 5 });
  const entriesPath = () => `/v1/allotments/${w.organizationId}/${w.assessmentId}/entries`;

  it('lists the grant, the reservations, the completion and the second grant in order, each with the six columns after it', async () => {
    const first = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: uniqueEmail('led'), name: 'Ledger One' } },
    });
    expect(first.status).toBe(201);
    expect((await s.call('POST', `/v1/responses/${first.body.id}/complete`, { token: w.manager.token, body: {} })).status).toBe(200);
    await waitFor(() => ledger(s, w.organizationId, w.assessmentId), (l) => l.used === 1);
    const second = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: uniqueEmail('led'), name: 'Ledger Two' } },
    });
    expect(second.status).toBe(201);
    await grant(s, w.organizationId, w.assessmentId, 3);

    const res = await s.call('GET', entriesPath(), { token: w.manager.token });
    expect(res.status).toBe(200);
    const entries = res.body.items;
    expect(entries.map((e: any) => [e.kind, e.units, e.available])).toEqual([
      ['allocation', 5, 5],
      ['reservation', 1, 4],
      ['completion', 1, 4],
      ['reservation', 1, 3],
      ['allocation', 3, 6],
    ]);
    expect(entries[1]).toMatchObject({ actor: `user:${w.manager.userId}`, source: 'manual', invited: 1, unexpired: 1, used: 0 });
    expect(entries[2]).toMatchObject({ actor: `workflow:response-${first.body.id}`, responseId: first.body.id, used: 1, unexpired: 0 });
    expect(entries[0].actor).toMatch(/^user:/);
    expect(entries[0].purchaseId).toEqual(expect.any(String));
    // The last entry's columns are the allotment's.
    const { unit: _unit, nextReleaseAt: _next, organizationId: _o, assessmentId: _a, lowBalanceThreshold: _t, ...columns } = await ledger(s, w.organizationId, w.assessmentId);
    expect(entries.at(-1)).toMatchObject(columns);
  });

  it('pages through the entries with nextCursor, filters by kind, and refuses a cursor it did not issue', async () => {
    const { items, pages } = await allPages(s, entriesPath(), w.manager.token, 2);
    expect(items).toHaveLength(5);
    expect(pages).toBe(3);
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => a - b));

    const allocations = await s.call('GET', `${entriesPath()}?kind=allocation`, { token: w.manager.token });
    expect(allocations.body.items.map((e: any) => e.units)).toEqual([5, 3]);

    const responses = await s.call('GET', `/v1/responses?assessmentId=${w.assessmentId}&limit=1`, { token: w.manager.token });
    expect(responses.body.nextCursor).toEqual(expect.any(String));
    const wrong = await s.call('GET', `${entriesPath()}?cursor=${encodeURIComponent(responses.body.nextCursor)}`, { token: w.manager.token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers the entries as CSV when the caller accepts text/csv', async () => {
    const res = await s.call('GET', entriesPath(), { token: w.manager.token, headers: { accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const { header, records } = csvRecords(res.body);
    expect(header).toEqual(['id', 'organizationId', 'assessmentId', 'at', 'kind', 'units', 'actor', 'source', 'purchaseId', 'responseId', 'cohortId', 'jobId',
      'allocated', 'invited', 'used', 'unexpired', 'expired', 'available']);
    expect(records).toHaveLength(5);
    expect(records.map((r) => r.split(',')[header.indexOf('available')])).toEqual(['5', '4', '4', '3', '6']);
  });

  it('is not found outside the caller\'s scope', async () => {
    const elsewhere = await s.organization({ name: unique('Elsewhere') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere, assessmentIds: [w.assessmentId] });
    const res = await s.call('GET', entriesPath(), { token: stranger.token });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const csv = await s.call('GET', entriesPath(), { token: stranger.token, headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(404);
  });
});

describe('GET /v1/responses: filters, search by e-mail or name, scope, pages and CSV', () => {
  const { s, w } = partnerSuite({ grant: 20 });
  const tag = unique('resp').replace(/-/g, '');

  const create = async (name: string, email: string, cohortId?: string) => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email, name }, ...(cohortId && { cohortId }) },
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('finds responses by part of the e-mail or of the name, whatever the case and accents', async () => {
    const zoe = await create('Zoë Ångström', `zoe.${tag}@example.test`);
    const bjorn = await create('Björn Ærø', `bjorn.${tag}@example.test`);
    const search = async (q: string) =>
      (await s.call('GET', `/v1/responses?assessmentId=${w.assessmentId}&q=${encodeURIComponent(q)}`, { token: w.manager.token })).body.items.map((r: any) => r.id);
    expect(await search('angstr')).toEqual([zoe.id]);
    expect(await search('ZOE ANG')).toEqual([zoe.id]);
    expect(await search('bjorn aer')).toEqual([bjorn.id]);
    expect(await search(`${tag}@example`)).toEqual([bjorn.id, zoe.id]);
    expect(await search(`BJORN.${tag}`)).toEqual([bjorn.id]);
    expect(await search('%')).toEqual([]);
  });

  it('filters by cohort and status, newest first, page by page', async () => {
    const cohort = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: unique('Cohort') } });
    const inCohort = [];
    for (let i = 0; i < 5; i++) inCohort.push(await create(`Cohort member ${i}`, uniqueEmail('member'), cohort.body.id));
    const done = await s.call('POST', `/v1/responses/${inCohort[0].id}/complete`, { token: w.manager.token, body: {} });
    expect(done.status).toBe(200);

    const { items, pages } = await allPages(s, `/v1/responses?cohortId=${cohort.body.id}`, w.manager.token, 2);
    expect(pages).toBe(3);
    expect(items.map((r) => r.id)).toEqual(inCohort.map((r) => r.id).reverse());

    const completed = await s.call('GET', `/v1/responses?cohortId=${cohort.body.id}&status=completed`, { token: w.manager.token });
    expect(completed.body.items.map((r: any) => r.id)).toEqual([inCohort[0].id]);
    const invited = await s.call('GET', `/v1/responses?cohortId=${cohort.body.id}&status=invited&source=manual`, { token: w.manager.token });
    expect(invited.body.items).toHaveLength(4);
  });

  it('shows a manager of another organization none of them, even when asked for this organization', async () => {
    const elsewhere = await s.organization({ name: unique('Elsewhere') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere, assessmentIds: [w.assessmentId] });
    const mine = await s.call('GET', `/v1/responses?assessmentId=${w.assessmentId}`, { token: w.manager.token });
    expect(mine.body.items.length).toBeGreaterThan(0);
    const theirs = await s.call('GET', `/v1/responses?assessmentId=${w.assessmentId}`, { token: stranger.token });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    const asked = await s.call('GET', `/v1/responses?organizationId=${w.organizationId}`, { token: stranger.token });
    expect(asked.body.items).toEqual([]);
  });

  it('answers every matching response as CSV, the respondent as two columns', async () => {
    const res = await s.call('GET', `/v1/responses?assessmentId=${w.assessmentId}&q=${tag}`, { token: w.manager.token, headers: { accept: 'text/csv, application/json;q=0.5' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('responses.csv');
    const { header, records } = csvRecords(res.body);
    expect(header.slice(0, 8)).toEqual(['id', 'assessmentId', 'organizationId', 'cohortId', 'jobId', 'source', 'respondent.email', 'respondent.name']);
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.split(',')[header.indexOf('respondent.name')]).sort()).toEqual(['Björn Ærø', 'Zoë Ångström']);
    // JSON stays the answer when the client prefers it.
    const json = await s.call('GET', `/v1/responses?assessmentId=${w.assessmentId}&q=${tag}`, { token: w.manager.token, headers: { accept: 'application/json, text/csv;q=0.1' } });
    expect(json.body.items).toHaveLength(2);
  });
});

describe('GET /v1/allotments/purchases: the purchases in scope, filtered, as JSON or CSV', () => {
  const { s, w } = partnerSuite({ grant: 4 });

  it('lists an organization\'s grants newest first across pages, hides other organizations\', and exports them', async () => {
    await grant(s, w.organizationId, w.assessmentId, 6);
    await grant(s, w.organizationId, w.assessmentId, 7);
    const { items, pages } = await allPages(s, `/v1/allotments/purchases?organizationId=${w.organizationId}`, w.manager.token, 2);
    expect(pages).toBe(2);
    expect(items.map((p) => p.quantity)).toEqual([7, 6, 4]);
    expect(items.every((p) => p.status === 'granted' && p.paymentMethod === 'manual' && p.clientSecret === null)).toBe(true);
    const stripe = await s.call('GET', `/v1/allotments/purchases?organizationId=${w.organizationId}&paymentMethod=stripe`, { token: w.manager.token });
    expect(stripe.body.items).toEqual([]);

    const elsewhere = await s.organization({ name: unique('Elsewhere') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere, assessmentIds: [w.assessmentId] });
    const theirs = await s.call('GET', `/v1/allotments/purchases?assessmentId=${w.assessmentId}`, { token: stranger.token });
    expect(theirs.body.items).toEqual([]);

    const csv = await s.call('GET', `/v1/allotments/purchases?organizationId=${w.organizationId}`, { token: w.manager.token, headers: { accept: 'text/csv' } });
    const { header, records } = csvRecords(csv.body);
    expect(header).toContain('amount.amount');
    expect(records.map((r) => r.split(',')[header.indexOf('quantity')])).toEqual(['7', '6', '4']);
  });

  it('answers a filter that is not a status with a problem naming it', async () => {
    const res = await s.call('GET', '/v1/allotments/purchases?status=lost');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.errors)).toContain('status');
  });
});

describe('the cohorts, share links and price lists of an assessment', () => {
  const { s, w } = partnerSuite({ grant: 2 });

  it('lists cohorts newest first across pages, finds them by name, and shows another organization\'s manager none', async () => {
    const tag = unique('c').replace(/-/g, '');
    const made: string[] = [];
    for (const name of [`Printemps ${tag}`, `Été ${tag}`, `Automne ${tag}`]) {
      const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name } });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    const { items, pages } = await allPages(s, `/v1/assessments/${w.assessmentId}/cohorts?organizationId=${w.organizationId}`, w.manager.token, 2);
    expect(pages).toBe(2);
    expect(items.map((c) => c.id)).toEqual([...made].reverse());
    const ete = await s.call('GET', `/v1/assessments/${w.assessmentId}/cohorts?q=${encodeURIComponent(`ete ${tag}`)}`, { token: w.manager.token });
    expect(ete.body.items.map((c: any) => c.name)).toEqual([`Été ${tag}`]);

    const elsewhere = await s.organization({ name: unique('Elsewhere') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere, assessmentIds: [w.assessmentId] });
    expect((await s.call('GET', `/v1/assessments/${w.assessmentId}/cohorts`, { token: stranger.token })).body.items).toEqual([]);
    const unlinked = await s.userWithToken({ role: 'manager', organizationId: w.organizationId });
    expect((await s.call('GET', `/v1/assessments/${w.assessmentId}/cohorts`, { token: unlinked.token })).status).toBe(404);

    const csv = await s.call('GET', `/v1/assessments/${w.assessmentId}/cohorts?q=${tag}`, { token: w.manager.token, headers: { accept: 'text/csv' } });
    const { header, records } = csvRecords(csv.body);
    expect(header).toEqual(['id', 'assessmentId', 'organizationId', 'name', 'counted', 'createdAt']);
    expect(records).toHaveLength(3);
  });

  it('lists share links without their tokens, filtered by cohort', async () => {
    const cohort = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: unique('Linked') } });
    const plain = await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } });
    const inCohort = await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId, cohortId: cohort.body.id } });
    expect([plain.status, inCohort.status]).toEqual([201, 201]);

    const all = await s.call('GET', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token });
    expect(all.body.items.map((l: any) => l.id)).toEqual([inCohort.body.id, plain.body.id]);
    expect(all.body.items[0]).toMatchObject({ cohortId: cohort.body.id, createdBy: w.manager.userId, revokedAt: null });
    expect(JSON.stringify(all.body)).not.toContain(plain.body.token);
    expect(Object.keys(all.body.items[0])).not.toContain('token');
    const byCohort = await s.call('GET', `/v1/assessments/${w.assessmentId}/share-links?cohortId=${cohort.body.id}&revoked=false`, { token: w.manager.token });
    expect(byCohort.body.items.map((l: any) => l.id)).toEqual([inCohort.body.id]);
  });

  it('lists price lists: admins every one, managers those linked to their organizations, filtered by validity', async () => {
    const spare = await s.call('POST', `/v1/assessments/${w.assessmentId}/price-lists`, {
      body: { name: 'Unlinked prices', validFrom: '2020-01-01', validTo: '2020-12-31', currencies: { EUR: [{ upTo: null, unitAmount: 900 }] } },
    });
    expect(spare.status).toBe(201);
    const admin = await s.call('GET', `/v1/assessments/${w.assessmentId}/price-lists`);
    expect(admin.body.items.map((p: any) => p.id)).toEqual([spare.body.id, w.priceListId]);
    const manager = await s.call('GET', `/v1/assessments/${w.assessmentId}/price-lists`, { token: w.manager.token });
    expect(manager.body.items.map((p: any) => p.id)).toEqual([w.priceListId]);
    const validIn2020 = await s.call('GET', `/v1/assessments/${w.assessmentId}/price-lists?validOn=2020-06-01`);
    expect(validIn2020.body.items).toHaveLength(2);
    const validIn2021 = await s.call('GET', `/v1/assessments/${w.assessmentId}/price-lists?validOn=2021-06-01`);
    expect(validIn2021.body.items.map((p: any) => p.id)).toEqual([w.priceListId]);
    const linked = await s.call('GET', `/v1/assessments/${w.assessmentId}/price-lists?organizationId=${w.organizationId}`);
    expect(linked.body.items.map((p: any) => p.id)).toEqual([w.priceListId]);
  });
});
