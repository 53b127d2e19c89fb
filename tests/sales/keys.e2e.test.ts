import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { addDays, todayUtc } from '../../src/domain/sales/dates';
import { freshRateWindow } from '../support/rate-window';
import { startTestStack, type TestStack } from '../support/stack';
import { activate, customer, distribution, registerSale, saleStatus, type Who } from './world';

describe('approving sales and issuing licence keys (API on the dev server)', () => {
  let s: TestStack;
  let org: string, distributionId: string, second: string;
  let manager: Who, siblingManager: Who, approver: Who;
  const today = todayUtc(new Date());

  beforeAll(async () => {
    // Key checks come through a proxy the server trusts, so a test can speak for one address.
    s = await startTestStack({ trustedProxies: ['127.0.0.1'] });
    const parent = await s.organization({ name: 'Reseller', ltiService: true });
    ({ organizationId: org, manager } = await customer(s, { name: 'Customer', parentId: parent }));
    ({ manager: siblingManager } = await customer(s, { name: 'Sibling', parentId: parent }));
    approver = await s.userWithToken({ role: 'approver' });
    distributionId = await distribution(s);
    second = await distribution(s, { name: 'Cloud Practice Test', unitPrices: { EUR: 900 } });
  });
  afterAll(async () => s?.close());

  const register = async ({ lines, ...o }: { activationDate?: string; numberOfUsers?: number; lines?: string[] } = {}): Promise<string> =>
    (await registerSale(s, manager.token, { organizationId: org, distributions: lines ?? [distributionId], name: 'Plan', billed: 'card', ...o })).id;
  const status = (id: string) => saleStatus(s, id, manager.token);
  const activeSale = async (o: Parameters<typeof register>[0] = {}) => {
    const id = await register(o);
    await activate(s, id, approver.token);
    return id;
  };
  const launch = (id: string, userEmail: string, o: { token?: string; distributionId?: string } = {}) =>
    s.call('POST', `/v1/sales/${id}/launches`, { token: o.token ?? manager.token, body: { userEmail, ...(o.distributionId && { distributionId: o.distributionId }) } });

  it('lets only approvers and admins approve, once, and e-mails the registering manager', async () => {
    const id = await register({ activationDate: addDays(today, 20) });
    const denied = await s.call('POST', `/v1/sales/${id}/approve`, { token: manager.token });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    expect(await status(id)).toBe('pending_approval');

    const approved = await s.call('POST', `/v1/sales/${id}/approve`, { token: approver.token });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: approver.userId });
    const mail = await s.smtp.waitFor(manager.email);
    expect(mail.raw).toContain('Sale approved: Plan');

    const twice = await s.call('POST', `/v1/sales/${id}/approve`, { token: approver.token });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INVALID_STATE');
    const reject = await s.call('POST', `/v1/sales/${id}/reject`, { token: approver.token, body: { reason: 'late' } });
    expect(reject.status).toBe(409);
    expect(await status(id)).toBe('approved');
    const late = await s.call('PATCH', `/v1/sales/${id}`, { token: manager.token, body: { activationDate: addDays(today, 25) } });
    expect(late.status).toBe(200);
    expect(late.body.cancellationDate).toBe(addDays(today, 25 + 365));
  });

  it('refuses to approve twice at the same moment: exactly one approval wins', async () => {
    const id = await register({ activationDate: addDays(today, 20) });
    const results = await Promise.all([1, 2, 3].map(() => s.call('POST', `/v1/sales/${id}/approve`, { token: approver.token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const audit = await s.sql`select count(*)::int as n from audit_events where entity = 'sale' and entity_id = ${id} and action = 'approve'`;
    expect(audit[0]!.n).toBe(1);
  });

  it('rejects with a reason; a rejected sale can be neither approved nor launched', async () => {
    const id = await register();
    const missing = await s.call('POST', `/v1/sales/${id}/reject`, { token: approver.token, body: {} });
    expect(missing.status).toBe(400);
    const rejected = await s.call('POST', `/v1/sales/${id}/reject`, { body: { reason: 'Duplicate order' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Duplicate order' });
    expect((await s.call('POST', `/v1/sales/${id}/approve`, { token: approver.token })).status).toBe(409);
    expect((await launch(id, 'x@customer.test')).body.code).toBe('INVALID_STATE');
    expect((await s.call('GET', '/v1/sales?status=rejected', { token: manager.token })).body.items.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('issues one key per user while active, returns it again on relaunch, and stops at numberOfUsers', async () => {
    const pending = await register();
    const early = await launch(pending, 'alice@customer.test');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_STATE');

    const id = await activeSale({ numberOfUsers: 2 });
    const alice = await launch(id, 'Alice@Customer.test');
    expect(alice.status).toBe(201);
    expect(alice.body).toMatchObject({ userEmail: 'alice@customer.test', distributionId, status: 'valid', renewals: 0, revokedAt: null });
    expect(alice.body.key).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const days = (Date.parse(alice.body.expiresAt) - Date.parse(alice.body.issuedAt)) / 86_400_000;
    expect(days).toBe(180);

    const again = await launch(id, 'alice@customer.test');
    expect(again.status).toBe(200);
    expect(again.body.key).toBe(alice.body.key);
    const bob = await launch(id, 'bob@customer.test');
    expect(bob.status).toBe(201);
    expect(bob.body.key).not.toBe(alice.body.key);
    const carol = await launch(id, 'carol@customer.test');
    expect(carol.status).toBe(409);
    expect(carol.body.code).toBe('SEATS_EXHAUSTED');

    const sale = await s.call('GET', `/v1/sales/${id}`, { token: manager.token });
    expect(sale.body.distributions[0].seatsUsed).toBe(2);
    const keys = await s.call('GET', `/v1/sales/${id}/keys`, { token: manager.token });
    expect(keys.body.items.map((k: { userEmail: string }) => k.userEmail).sort()).toEqual(['alice@customer.test', 'bob@customer.test']);
    expect(keys.body.items.map((k: { status: string }) => k.status)).toEqual(['valid', 'valid']);

    expect((await launch(id, 'dave@customer.test', { token: approver.token })).status).toBe(403);
    expect((await launch(id, 'dave@customer.test', { token: siblingManager.token })).status).toBe(404);
    expect((await s.call('PATCH', `/v1/sales/${id}`, { token: manager.token, body: { activationDate: addDays(today, 3) } })).body.code).toBe('INVALID_STATE');
  });

  it('gives the last seats to exactly as many users as there are, and one key to a user launching many times at once', async () => {
    const id = await activeSale({ numberOfUsers: 3 });
    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => launch(id, `racer${i}@customer.test`)));
    expect(many.filter((r) => r.status === 201)).toHaveLength(3);
    expect(many.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(5).fill('SEATS_EXHAUSTED'));
    const same = await activeSale({ numberOfUsers: 3 });
    const repeats = await Promise.all(Array.from({ length: 6 }, () => launch(same, 'twin@customer.test')));
    expect(new Set(repeats.map((r) => r.body.key)).size).toBe(1);
    expect(repeats.filter((r) => r.status === 201)).toHaveLength(1);
    const [line] = await s.sql`select seats_used from sale_distributions where sale_id = ${same}`;
    expect(line!.seatsUsed).toBe(1);
  });

  it('needs a distributionId when the sale has several, and keeps seats per distribution', async () => {
    const id = await activeSale({ numberOfUsers: 1, lines: [distributionId, second] });
    const ambiguous = await launch(id, 'eve@customer.test');
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.errors[0].path).toBe('distributionId');
    expect((await launch(id, 'eve@customer.test', { distributionId })).status).toBe(201);
    expect((await launch(id, 'eve@customer.test', { distributionId: second })).status).toBe(201);
    expect((await launch(id, 'fay@customer.test', { distributionId: second })).body.code).toBe('SEATS_EXHAUSTED');
  });

  it('validates a key publicly without a token and without telling anything about the sale', async () => {
    const id = await activeSale();
    const { body: key } = await launch(id, 'gus@customer.test');
    const check = await s.call('GET', `/v1/public/keys/${key.key}`, { token: null });
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ key: key.key, status: 'valid', expiresAt: key.expiresAt });
    const text = JSON.stringify(check.body);
    for (const secret of [id, org, 'Customer', 'gus@customer.test', distributionId]) expect(text).not.toContain(secret);

    await s.sql`update sale_keys set issued_at = now() - interval '200 days', expires_at = now() - interval '20 days' where key = ${key.key}`;
    expect((await s.call('GET', `/v1/public/keys/${key.key}`, { token: null })).body.status).toBe('expired');
    await s.sql`update sale_keys set revoked_at = now() where key = ${key.key}`;
    expect((await s.call('GET', `/v1/public/keys/${key.key}`, { token: null })).body.status).toBe('revoked');
    const unknown = await s.call('GET', '/v1/public/keys/not-a-real-key-000000000000000000', { token: null });
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).not.toMatch(/sale/i);
  });

  it('records approval, activation and key issue in the sale\'s audit trail', async () => {
    const id = await activeSale();
    await launch(id, 'hal@customer.test');
    const audit = await s.call('GET', `/v1/audit?entity=sale&id=${id}`, { token: manager.token });
    const entries = audit.body.items.map((e: { action: string; actor: string }) => [e.action, e.actor]);
    expect(entries).toEqual([
      ['register', `user:${manager.userId}`],
      ['approve', `user:${approver.userId}`],
      ['activate', `workflow:sale-${id}`],
      ['issue_key', `user:${manager.userId}`],
    ]);
    expect(JSON.stringify(audit.body)).not.toContain((await s.sql`select key from sale_keys where sale_id = ${id}`)[0]!.key);
    expect((await s.call('GET', `/v1/audit?entity=sale&id=${id}`, { token: siblingManager.token })).body.items).toEqual([]);
  });

  it('slows down anyone guessing keys: unknown keys are throttled per client address', async () => {
    const LIMIT = loadConfig({}).RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE;
    const { key } = (await launch(await activeSale(), 'ivy@customer.test')).body;
    const check = (k: string, ip: string) => s.call('GET', `/v1/public/keys/${k}`, { token: null, headers: { 'x-forwarded-for': ip } });
    await freshRateWindow(s.sql);
    const answers = [];
    for (let i = 0; i < LIMIT + 5; i++) answers.push((await check(`guess-${i}-000000000000000000000000`, '198.51.100.40')).status);
    expect(answers).toEqual([...Array(LIMIT).fill(404), ...Array(5).fill(429)]);
    // Meanwhile a real key cannot be told from a guess from that address; anyone else checks theirs.
    expect((await check(key, '198.51.100.40')).status).toBe(429);
    expect((await check(key, '198.51.100.41')).body.status).toBe('valid');
  });
});
