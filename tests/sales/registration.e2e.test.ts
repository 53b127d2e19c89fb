import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/domain/sales/dates';
import { startTestStack, type TestStack } from '../support/stack';
import { customer, distribution, waitFor, type Who } from './world';

// parent ─┬─ child
//         └─ sibling          noLti (ltiService false)
describe('registering and reading sales (API on the dev server)', () => {
  let s: TestStack;
  let parent: string, child: string, sibling: string, noLti: string, distributionId: string;
  let parentManager: Who, childManager: Who, siblingManager: Who;
  const activationDate = addDays(todayUtc(new Date()), 30);

  const sale = (over: Record<string, unknown> = {}) => ({
    name: 'Practice tests 2027',
    customer: { organizationId: child },
    distributions: [{ distributionId, salesType: 'per_user', numberOfUsers: 40, currency: 'EUR' }],
    activationDate,
    billed: 'invoice',
    customerPoNumber: 'PO-77',
    orderNumber: 'ORD-1',
    comment: 'Customer asked for a March start',
    ...over,
  });

  beforeAll(async () => {
    s = await startTestStack();
    parent = await s.organization({ name: 'Reseller', ltiService: true });
    ({ organizationId: child, manager: childManager } = await customer(s, { name: 'School', parentId: parent }));
    ({ organizationId: sibling, manager: siblingManager } = await customer(s, { name: 'Other school', parentId: parent }));
    noLti = await s.organization({ name: 'No LTI school', parentId: parent });
    parentManager = await s.userWithToken({ role: 'manager', organizationId: parent });
    distributionId = await distribution(s, { unitPrices: { EUR: 1250, USD: 1400 } });
  });
  afterAll(async () => s?.close());

  it('keeps the catalog admin-only, with a 180-day key and per-user sales by default', async () => {
    const created = await s.call('GET', `/v1/distributions/${distributionId}`, { token: childManager.token });
    expect(created.body).toMatchObject({ name: 'IT PRO / Practice Test', unitPrices: { EUR: 1250, USD: 1400 }, keyLengthDays: 180, salesTypes: ['per_user'] });
    const denied = await s.call('POST', '/v1/distributions', { token: parentManager.token, body: { name: 'Mine', unitPrices: { EUR: 1 } } });
    expect(denied.status).toBe(403);
    const list = await s.call('GET', '/v1/distributions', { token: childManager.token });
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([distributionId]);
    const bad = await s.call('POST', '/v1/distributions', { body: { name: 'X', unitPrices: { EUR: 12.5 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('unitPrices.EUR');
  });

  it('registers a pending sale for an existing organization with computed prices and dates', async () => {
    const res = await s.call('POST', '/v1/sales', { token: childManager.token, body: sale() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending_approval',
      organizationId: child,
      customer: { organizationId: child, name: 'School' },
      registeredBy: childManager.userId,
      activationDate,
      cancellationDate: addDays(activationDate, 365),
      customerPoNumber: 'PO-77',
      orderNumber: 'ORD-1',
      billed: 'invoice',
      totals: [{ amount: 50_000, currency: 'EUR' }],
    });
    expect(res.body.distributions).toEqual([
      expect.objectContaining({ distributionId, salesType: 'per_user', numberOfUsers: 40, seatsUsed: 0, keyLengthDays: 180, distributionPrice: { amount: 1250, currency: 'EUR' }, salesPrice: { amount: 50_000, currency: 'EUR' } }),
    ]);
    expect(res.body.comments).toEqual([expect.objectContaining({ text: 'Customer asked for a March start', authorId: childManager.userId })]);

    const comment = await s.call('POST', `/v1/sales/${res.body.id}/comments`, { token: parentManager.token, body: { text: 'Approved by finance' } });
    expect(comment.status).toBe(201);
    const read = await s.call('GET', `/v1/sales/${res.body.id}`, { token: childManager.token });
    expect(read.body.comments.map((c: { text: string }) => c.text)).toEqual(['Customer asked for a March start', 'Approved by finance']);
    // Ops find it in the Temporal UI by kind, organization and status.
    const query = `PartnerflowKind = 'sale' AND PartnerflowOrganizationId = '${child}' AND PartnerflowStatus = 'pending_approval'`;
    const listed = async () => {
      const ids: string[] = [];
      for await (const w of s.client.workflow.list({ query })) ids.push(w.workflowId);
      return ids;
    };
    expect(await waitFor(listed, (ids) => ids.includes(`sale-${res.body.id}`))).toContain(`sale-${res.body.id}`);
    const pending = await s.call('GET', '/v1/sales?status=pending_approval', { token: childManager.token });
    expect(pending.body.items.map((x: { id: string }) => x.id)).toContain(res.body.id);
    expect((await s.call('GET', '/v1/sales?status=active', { token: childManager.token })).body.items).toEqual([]);
  });

  it('computes a leap-year cancellation date: 2027-03-01 → 2028-02-29', async () => {
    const res = await s.call('POST', '/v1/sales', { body: sale({ activationDate: '2027-03-01' }) });
    expect(res.status).toBe(201);
    expect(res.body.cancellationDate).toBe('2028-02-29');
  });

  it('creates a new customer organization with contacts and users in the same request', async () => {
    // ltiService is an admin's setting, so an admin registers a sale for a new LTI customer.
    const res = await s.call('POST', '/v1/sales', {
      body: sale({
        customer: {
          newOrganization: { name: 'New Academy', ltiService: true, parentId: parent },
          contacts: [{ name: 'Carla Contact', email: 'Carla@academy.test' }],
          users: [{ name: 'Uma User', email: 'uma@academy.test' }, { name: 'Ugo User', email: 'ugo@academy.test' }],
        },
      }),
    });
    expect(res.status).toBe(201);
    const org = await s.call('GET', `/v1/organizations/${res.body.organizationId}`, { token: parentManager.token });
    expect(org.body).toMatchObject({ name: 'New Academy', parentId: parent, ltiService: true });
    expect(res.body.contacts).toEqual([expect.objectContaining({ name: 'Carla Contact', email: 'carla@academy.test' })]);
    expect(res.body.users.map((u: { email: string }) => u.email).sort()).toEqual(['ugo@academy.test', 'uma@academy.test']);
  });

  it('refuses organizations without the LTI service, and creates nothing', async () => {
    const count = async () => (await s.sql`select (select count(*) from sales)::int as sales, (select count(*) from organizations)::int as orgs`)[0]!;
    const before = await count();
    const existing = await s.call('POST', '/v1/sales', { token: parentManager.token, body: sale({ customer: { organizationId: noLti } }) });
    expect(existing.status).toBe(422);
    expect(existing.body).toMatchObject({ code: 'LTI_SERVICE_REQUIRED', organizationId: noLti });
    const created = await s.call('POST', '/v1/sales', { token: parentManager.token, body: sale({ customer: { newOrganization: { name: 'Plain school' } } }) });
    expect(created.status).toBe(422);
    expect(created.body.code).toBe('LTI_SERVICE_REQUIRED');
    expect(await count()).toEqual(before);
  });

  it('refuses a currency without a price, a settable cancellation date and unknown fields', async () => {
    const gbp = await s.call('POST', '/v1/sales', { body: sale({ distributions: [{ distributionId, salesType: 'per_user', numberOfUsers: 5, currency: 'GBP' }] }) });
    expect(gbp.status).toBe(409);
    expect(gbp.body).toMatchObject({ code: 'NO_VALID_PRICE', currency: 'GBP', currencies: ['EUR', 'USD'] });
    const cancel = await s.call('POST', '/v1/sales', { body: sale({ cancellationDate: '2030-01-01' }) });
    expect(cancel.status).toBe(422);
    expect(cancel.body).toMatchObject({ code: 'IMMUTABLE_FIELD', fields: ['cancellationDate'] });
    const unknown = await s.call('POST', '/v1/sales', { body: sale({ discount: 10 }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toContain('discount');
    const both = await s.call('POST', '/v1/sales', { body: sale({ customer: { organizationId: child, newOrganization: { name: 'X', ltiService: true } } }) });
    expect(both.status).toBe(400);
    const past = await s.call('POST', '/v1/sales', { body: sale({ activationDate: '2020-01-01' }) });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('activationDate');
    const missing = await s.call('POST', '/v1/sales', { body: sale({ distributions: [{ distributionId: '00000000-0000-4000-8000-000000000000', salesType: 'per_user', numberOfUsers: 1, currency: 'EUR' }] }) });
    expect(missing.status).toBe(404);
  });

  it('edits descriptive fields and the activation date, never the number of users or the cancellation date', async () => {
    const { body: created } = await s.call('POST', '/v1/sales', { token: childManager.token, body: sale() });
    const users = await s.call('PATCH', `/v1/sales/${created.id}`, { token: childManager.token, body: { distributions: [{ distributionId, numberOfUsers: 80 }] } });
    expect(users.status).toBe(422);
    expect(users.body).toMatchObject({ code: 'IMMUTABLE_FIELD', fields: ['distributions'] });
    const n = await s.call('PATCH', `/v1/sales/${created.id}`, { token: childManager.token, body: { numberOfUsers: 80 } });
    expect(n.body.code).toBe('IMMUTABLE_FIELD');
    const cancel = await s.call('PATCH', `/v1/sales/${created.id}`, { token: childManager.token, body: { cancellationDate: '2031-01-01' } });
    expect(cancel.status).toBe(422);
    expect(cancel.body.code).toBe('IMMUTABLE_FIELD');

    const moved = addDays(activationDate, 10);
    const ok = await s.call('PATCH', `/v1/sales/${created.id}`, { token: childManager.token, body: { name: 'Renamed', orderNumber: null, activationDate: moved } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Renamed', orderNumber: null, activationDate: moved, cancellationDate: addDays(moved, 365) });
    expect(ok.body.distributions[0].numberOfUsers).toBe(40);
    const state = await s.client.workflow.getHandle(`sale-${created.id}`).query('state');
    expect(state).toMatchObject({ activationDate: moved });
  });

  it('scopes sales: the parent sees the child\'s sales, a sibling sees nothing and reads 404', async () => {
    const { body: created } = await s.call('POST', '/v1/sales', { token: childManager.token, body: sale({ name: 'Scoped sale' }) });
    const ids = async (token: string) => (await s.call('GET', '/v1/sales?limit=200', { token })).body.items.map((x: { id: string }) => x.id);
    expect(await ids(parentManager.token)).toContain(created.id);
    expect(await ids(childManager.token)).toContain(created.id);
    expect(await ids(siblingManager.token)).toEqual([]);
    for (const [method, path, body] of [
      ['GET', `/v1/sales/${created.id}`, undefined],
      ['PATCH', `/v1/sales/${created.id}`, { name: 'Hijacked' }],
      ['POST', `/v1/sales/${created.id}/comments`, { text: 'hello' }],
      ['GET', `/v1/sales/${created.id}/keys`, undefined],
    ] as const) {
      const res = await s.call(method, path, { token: siblingManager.token, body });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const outside = await s.call('POST', '/v1/sales', { token: childManager.token, body: sale({ customer: { organizationId: sibling } }) });
    expect(outside.status).toBe(404);
    expect((await s.call('GET', `/v1/sales/${created.id}`)).body.name).toBe('Scoped sale');
  });

  it('records the registration in the audit trail, readable by the organization\'s managers', async () => {
    const { body: created } = await s.call('POST', '/v1/sales', { token: childManager.token, body: sale() });
    const audit = await s.call('GET', `/v1/audit?entity=sale&id=${created.id}`, { token: parentManager.token });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'register', actor: `user:${childManager.userId}`, organizationId: child })]);
    expect((await s.call('GET', `/v1/audit?entity=sale&id=${created.id}`, { token: siblingManager.token })).body.items).toEqual([]);
  });
});
