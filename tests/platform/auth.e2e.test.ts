import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/domain/tokens';
import { startTestStack, type TestStack } from '../support/stack';

describe('bearer tokens', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack({ worker: false });
  });
  afterAll(async () => s?.close());

  it('answers 401 problem+json without a token, with a wrong one, and with a malformed header', async () => {
    for (const headers of [{}, { authorization: 'Bearer pf_not-a-real-token' }, { authorization: 'Basic abc' }] as Record<string, string>[]) {
      const res = await s.call('GET', '/v1/settings', { token: null, headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('shows a new token once, stores only its hash, and stops accepting it when revoked', async () => {
    const org = await s.organization({ name: 'Token Org' });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    expect(manager.token).toMatch(/^pf_[A-Za-z0-9_-]{43}$/);

    const stored = await s.sql`select token_hash from api_tokens where id = ${manager.tokenId}`;
    expect(Buffer.compare(stored[0]!.tokenHash, hashToken(manager.token))).toBe(0);
    const leaked = await s.sql`select 1 from api_tokens where encode(token_hash, 'escape') like ${'%' + manager.token + '%'}`;
    expect(leaked).toHaveLength(0);

    expect((await s.call('GET', '/v1/organizations', { token: manager.token })).status).toBe(200);
    expect((await s.call('DELETE', `/v1/tokens/${manager.tokenId}`, { token: manager.token })).status).toBe(204);
    const after = await s.call('GET', '/v1/organizations', { token: manager.token });
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
  });

  it('lets users mint tokens for themselves only; admins for anyone', async () => {
    const org = await s.organization({ name: 'Self Org' });
    const a = await s.userWithToken({ role: 'manager', organizationId: org });
    const b = await s.userWithToken({ role: 'manager', organizationId: org });
    expect((await s.call('POST', `/v1/users/${a.userId}/tokens`, { token: a.token, body: { name: 'ci' } })).status).toBe(201);
    expect((await s.call('POST', `/v1/users/${b.userId}/tokens`, { token: a.token, body: {} })).status).toBe(403);
    expect((await s.call('DELETE', `/v1/tokens/${b.tokenId}`, { token: a.token })).status).toBe(404);
    expect((await s.call('GET', '/v1/settings', { token: b.token })).status).toBe(200);
  });

  it('keeps admin-only operations from managers and approvers', async () => {
    const org = await s.organization({ name: 'Roles Org' });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    const approver = await s.userWithToken({ role: 'approver' });
    for (const token of [manager.token, approver.token]) {
      const patch = await s.call('PATCH', '/v1/settings', { token, body: { useAllotments: true } });
      expect(patch.status).toBe(403);
      expect(patch.body.code).toBe('FORBIDDEN');
      expect((await s.call('POST', '/v1/users', { token, body: { email: 'x@y.test', name: 'x', role: 'admin' } })).status).toBe(403);
    }
    expect((await s.call('GET', '/v1/settings')).body.useAllotments).toBe(false);
  });

  it('records settings changes in the audit trail with who and before/after', async () => {
    const res = await s.call('PATCH', '/v1/settings', { body: { useAllotments: true } });
    expect(res.body).toEqual({ useAllotments: true, stripeConnected: true });
    const audit = await s.call('GET', '/v1/audit?entity=settings&id=site');
    const last = audit.body.items.at(-1);
    expect(last).toMatchObject({ action: 'update', before: { useAllotments: false }, after: { useAllotments: true } });
    expect(last.actor).toMatch(/^user:/);
  });
});

describe('the first admin', () => {
  it('is created once on an empty database, from ADMIN_TOKEN when given', async () => {
    const { freshDatabase } = await import('../support/db');
    const { bootstrapAdmin } = await import('../../src/platform/bootstrap');
    const db = await freshDatabase();
    try {
      const fixed = 'x'.repeat(40);
      expect(await bootstrapAdmin(db.sql, fixed)).toBe(fixed);
      expect(await bootstrapAdmin(db.sql, fixed)).toBeUndefined();
      const [row] = await db.sql`select count(*)::int as n from users where role = 'admin'`;
      expect(row!.n).toBe(1);
    } finally {
      await db.drop();
    }
  });
});
