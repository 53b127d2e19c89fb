import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { partnerWorld } from '../allotments/world';
import { suiteStack } from '../support/suite';
import { unique, uniqueEmail } from '../support/unique';
import { openApiDocument, operations } from './openapi';

// The hostile inputs of issue 11, each answered 400 VALIDATION_FAILED naming the field, with
// nothing changed: a property of the platform (api/input.ts, api/schemas.ts), not of a route.

const lists = operations(await openApiDocument()).filter((op) => op.method === 'GET' && op.parameters.some((p) => p.name === 'cursor'));

describe('input the database cannot store', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (stack) => partnerWorld(stack, { grant: 10 }));

  const counts = async () => (await s.sql`select (select count(*) from organizations)::int as o, (select count(*) from responses)::int as r, (select count(*) from products)::int as p, (select count(*) from price_lists)::int as l`)[0];

  async function refused(res: { status: number; body: any; headers: Headers }, field: string) {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  }

  it('a NUL character anywhere: JSON bodies, public endpoints, CSV uploads, query values, path parameters', async () => {
    const before = await counts();
    await refused(await s.call('POST', '/v1/organizations', { body: { name: 'Nul\u0000Org' } }), 'name');
    await refused(await s.call('POST', '/v1/public/redemptions', { token: null, body: { code: 'ABC\u0000', email: 'a@example.test', name: 'A' } }), 'code');
    await refused(await s.call('POST', '/v1/public/share-links/abcdefghijklmnop/responses', { token: null, body: { email: 'a@example.test', name: 'A\u0000' } }), 'name');
    await refused(await s.call('GET', '/v1/public/keys/%00', { token: null }), 'key');
    await refused(await s.call('GET', '/v1/audit?entity=organization&id=a%00b'), 'id');
    const csv = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, {
      token: w.manager.token, raw: 'email,name\nana@example.test,Ana\u0000\n', headers: { 'content-type': 'text/csv' },
    });
    await refused(csv, 'body');
    expect(csv.body.errors[0].message).toMatch(/line 2/);
    // A field name too, however it is hidden.
    await refused(await s.call('POST', '/v1/organizations', { raw: '{"name":"X","a\\u0000b":1}', headers: { 'content-type': 'application/json' } }), 'a\u0000b');
    expect(await counts()).toEqual(before);
  });

  it('a lone UTF-16 surrogate in names that go to Stripe', async () => {
    const before = await counts();
    await refused(await s.call('POST', '/v1/products', { body: { name: 'Product \ud800' } }), 'name');
    await refused(await s.call('POST', '/v1/customers', { body: { name: '\udfffCustomer', email: uniqueEmail('c') } }), 'name');
    await refused(await s.call('POST', '/v1/public/redemptions', { token: null, body: { code: 'ABCDEF', email: 'a@example.test', name: 'Ana \ud83d' } }), 'name');
    expect(await counts()).toEqual(before);
    // A well-formed pair (an emoji) is text like any other.
    expect((await s.call('POST', '/v1/organizations', { body: { name: `Smile 🙂 ${unique('o')}` } })).status).toBe(201);
  });

  it('an integer above PostgreSQL integer', async () => {
    const before = await counts();
    await refused(await s.call('POST', '/v1/organizations', { body: { name: 'Big', memberLimit: 2_147_483_648 } }), 'memberLimit');
    await refused(await s.call('PATCH', `/v1/organizations/${w.organizationId}`, { body: { memberLimit: 2 ** 53 } }), 'memberLimit');
    await refused(await s.call('POST', `/v1/assessments/${w.assessmentId}/price-lists`, {
      body: { name: 'Huge', validFrom: '2030-01-01', currencies: { EUR: [{ upTo: null, unitAmount: 2_147_483_648 }] } },
    }), 'currencies.EUR.0.unitAmount');
    expect(await counts()).toEqual(before);
    const largest = await s.call('POST', '/v1/organizations', { body: { name: unique('Largest'), memberLimit: 2_147_483_647 } });
    expect(largest.status).toBe(201);
    expect(largest.body.memberLimit).toBe(2_147_483_647);
  });

  it('year 0 (or 10000) in a date or a date-time', async () => {
    const before = await counts();
    await refused(await s.call('POST', `/v1/assessments/${w.assessmentId}/price-lists`, {
      body: { name: 'Year zero', validFrom: '0000-01-01', currencies: { EUR: [{ upTo: null, unitAmount: 100 }] } },
    }), 'validFrom');
    await refused(await s.call('GET', '/v1/reports/subscriptions?groupBy=group&from=0000-06-01T00:00:00Z'), 'from');
    await refused(await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: uniqueEmail('r'), name: 'R' }, expiresAt: '0000-12-31T23:59:59Z' },
    }), 'expiresAt');
    expect(await counts()).toEqual(before);
  });

  it(`malformed cursors on all ${lists.length} lists: 400 naming cursor, never 500`, async () => {
    expect(lists.length).toBeGreaterThanOrEqual(15);
    const fill = (path: string) => path.replace('{id}', w.organizationId);
    const required = (path: string) => (path === '/v1/audit' ? `&entity=organization&id=${w.organizationId}` : '');
    for (const op of lists) {
      for (const cursor of ['abc', '0', 'eyJ', Buffer.from('null').toString('base64'), '1_00000000-0000-4000-8000-000000000000', w.organizationId]) {
        const res = await s.call('GET', `${fill(op.path)}?cursor=${encodeURIComponent(cursor)}${required(op.path)}`);
        expect(res.status, `${op.path} ?cursor=${cursor}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        if (res.status !== 404) await refused(res, 'cursor');
      }
    }
  });

  it('pages through a list with the cursors it issues, each item once', async () => {
    const parent = await s.organization({ name: unique('Pager') });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await s.organization({ name: unique('Page'), parentId: parent }));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await s.call('GET', `/v1/organizations?parentId=${parent}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...res.body.items.map((o) => o.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen.sort()).toEqual(ids.sort());
    // The audit trail pages by event number, with its own kind of cursor.
    const audit = await s.call('GET', `/v1/audit?entity=organization&id=${w.organizationId}&limit=1`);
    expect(audit.body.items).toHaveLength(1);
    const next = await s.call('GET', `/v1/audit?entity=organization&id=${w.organizationId}&limit=1&cursor=${encodeURIComponent(audit.body.nextCursor)}`);
    expect(next.status).toBe(200);
    await refused(await s.call('GET', `/v1/organizations?cursor=${encodeURIComponent(audit.body.nextCursor)}`), 'cursor');
  });

  it('a body of a type the route does not take is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await s.call('POST', '/v1/organizations', { raw: 'name=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a 100 KB field name is refused without being echoed back', async () => {
    const huge = 'k'.repeat(100_000);
    const res = await s.call('POST', '/v1/organizations', { body: { name: 'Echo', [huge]: 1 } });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text.length).toBeLessThan(2_000);
    expect(res.body.errors[0].path.endsWith('…')).toBe(true);
  });
});

describe('idempotency compares what the JSON says', () => {
  const { s } = suiteStack({ worker: false });

  it('replays the same JSON with its keys in another order and other white space', async () => {
    const headers = { 'idempotency-key': unique('reorder'), 'content-type': 'application/json' };
    const name = unique('Reordered');
    const first = await s.call('POST', '/v1/organizations', { raw: JSON.stringify({ name, ltiService: true }), headers });
    const again = await s.call('POST', '/v1/organizations', { raw: `{ "ltiService": true,\n  "name": ${JSON.stringify(name)} }`, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await s.call('POST', '/v1/organizations', { raw: JSON.stringify({ name, ltiService: false }), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await s.sql`select count(*)::int as n from organizations where name = ${name}`)[0]!.n).toBe(1);
  });
});

describe('idempotency records stored before JSON was compared parsed', () => {
  const { s } = suiteStack({ worker: false });

  it('still replay for the same bytes', async () => {
    const raw = JSON.stringify({ name: 'Stored earlier' });
    const legacy = createHash('sha256').update('POST /v1/organizations?\napplication/json\n').update(raw).digest('hex');
    const userId = (await s.sql<{ userId: string }[]>`select user_id from api_tokens limit 1`)[0]!.userId;
    await s.sql`
      insert into idempotency_records (principal, key, method, path, request_hash, state, response_status, response_headers, response_body)
      values (${`user:${userId}`}, 'before-deploy', 'POST', '/v1/organizations', ${legacy}, 'done', 201, ${s.sql.json({ 'content-type': 'application/json' })}, '{"id":"earlier"}')`;
    const res = await s.call('POST', '/v1/organizations', { raw, headers: { 'content-type': 'application/json', 'idempotency-key': 'before-deploy' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotency-replayed')).toBe('true');
    expect(res.body).toEqual({ id: 'earlier' });
  });
});

describe('price lists follow the assessment scope', () => {
  const { s, w } = suiteStack({ worker: false }, async (stack) => partnerWorld(stack));

  it('a manager of the organization not linked to the assessment gets 404 for the price list and its quote', async () => {
    const unlinked = await s.userWithToken({ role: 'manager', organizationId: w.organizationId });
    for (const path of [`/v1/price-lists/${w.priceListId}`, `/v1/price-lists/${w.priceListId}/quote?quantity=5&currency=EUR`]) {
      const res = await s.call('GET', path, { token: unlinked.token });
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect((await s.call('GET', path, { token: w.manager.token })).status, path).toBe(200);
    }
  });
});
