import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/domain/tokens';
import { suiteStack } from '../support/suite';
import { unique, uniqueEmail } from '../support/unique';

// Changing users after the fact (issue 13): PATCH /v1/users/{id}, deactivation and reactivation
// (tokens stop at once, come back unless revoked), a user's tokens listed without secrets, and
// the last active admin kept.

describe('changing, deactivating and reactivating users', () => {
  const { s } = suiteStack({ worker: false });

  const assessment = async () =>
    (await s.call('POST', '/v1/assessments', { body: { name: unique('Assessment'), responseExpiryDays: 14, pricingByCohort: false } })).body.id as string;

  it('lets an admin change name, role, organization and assessment links, and records what changed', async () => {
    const [orgA, orgB] = [await s.organization({ name: unique('Org A') }), await s.organization({ name: unique('Org B') })];
    const [a1, a2] = [await assessment(), await assessment()];
    const m = await s.userWithToken({ role: 'manager', organizationId: orgA, assessmentIds: [a1] });

    const res = await s.call('PATCH', `/v1/users/${m.userId}`, { body: { name: 'Renamed Manager', organizationId: orgB, assessmentIds: [a2] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: m.userId, name: 'Renamed Manager', role: 'manager', organizationId: orgB, assessmentIds: [a2], active: true });

    // The next request sees the new organization: orgB's assessment a2 readable, orgA no longer in scope.
    expect((await s.call('GET', `/v1/organizations/${orgB}`, { token: m.token })).status).toBe(200);
    expect((await s.call('GET', `/v1/organizations/${orgA}`, { token: m.token })).status).toBe(404);

    const audit = await s.call('GET', `/v1/audit?entity=user&id=${m.userId}`);
    const update = audit.body.items.filter((e: { action: string }) => e.action === 'update');
    expect(update).toHaveLength(1);
    expect(update[0].before).toEqual({ name: 'manager user', organizationId: orgA, assessmentIds: [a1] });
    expect(update[0].after).toEqual({ name: 'Renamed Manager', organizationId: orgB, assessmentIds: [a2] });
  });

  it('refuses a role that does not fit the organization, an unknown assessment, and changes nothing then', async () => {
    const org = await s.organization({ name: unique('Org') });
    const m = await s.userWithToken({ role: 'manager', organizationId: org });

    const admin = await s.call('PATCH', `/v1/users/${m.userId}`, { body: { role: 'admin' } });
    expect(admin.status).toBe(400);
    expect(admin.body.code).toBe('VALIDATION_FAILED');
    expect(admin.body.errors[0].path).toBe('organizationId');

    const orphan = await s.call('PATCH', `/v1/users/${m.userId}`, { body: { organizationId: null } });
    expect(orphan.status).toBe(400);
    expect(orphan.body.errors[0].path).toBe('organizationId');

    const unknown = await s.call('PATCH', `/v1/users/${m.userId}`, { body: { name: 'Changed', assessmentIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('assessmentIds');

    const extra = await s.call('PATCH', `/v1/users/${m.userId}`, { body: { email: 'other@example.test' } });
    expect(extra.status).toBe(400);

    const missing = await s.call('PATCH', '/v1/users/00000000-0000-4000-8000-000000000000', { body: { name: 'Nobody' } });
    expect(missing.status).toBe(404);

    const [row] = await s.sql`select name, role, organization_id from users where id = ${m.userId}`;
    expect(row).toEqual({ name: 'manager user', role: 'manager', organizationId: org });

    // Made an admin properly: no organization.
    const promoted = await s.call('PATCH', `/v1/users/${m.userId}`, { body: { role: 'admin', organizationId: null } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'admin', organizationId: null });
    expect((await s.call('PATCH', '/v1/settings', { token: m.token, body: { useAllotments: true } })).status).toBe(200);
    expect((await s.call('PATCH', `/v1/users/${m.userId}`, { body: { role: 'approver' } })).status).toBe(200);
  });

  it('lets everyone change their own name only; only admins change others', async () => {
    const org = await s.organization({ name: unique('Org') });
    const a = await s.userWithToken({ role: 'manager', organizationId: org });
    const b = await s.userWithToken({ role: 'manager', organizationId: org });

    const own = await s.call('PATCH', `/v1/users/${a.userId}`, { token: a.token, body: { name: 'My New Name' } });
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('My New Name');

    const role = await s.call('PATCH', `/v1/users/${a.userId}`, { token: a.token, body: { role: 'admin', organizationId: null } });
    expect(role.status).toBe(403);
    expect(role.body.fields).toEqual(['role', 'organizationId']);

    const other = await s.call('PATCH', `/v1/users/${b.userId}`, { token: a.token, body: { name: 'Not Yours' } });
    expect(other.status).toBe(403);
    const [row] = await s.sql`select name from users where id = ${b.userId}`;
    expect(row!.name).toBe('manager user');
  });

  it('stops a deactivated user\'s tokens at once and brings back the unrevoked ones on reactivation', async () => {
    const org = await s.organization({ name: unique('Org') });
    const m = await s.userWithToken({ role: 'manager', organizationId: org });
    const second = await s.call('POST', `/v1/users/${m.userId}/tokens`, { token: m.token, body: { name: 'laptop' } });
    expect(second.status).toBe(201);
    expect((await s.call('DELETE', `/v1/tokens/${second.body.id}`, { token: m.token })).status).toBe(204);
    expect((await s.call('GET', '/v1/settings', { token: m.token })).status).toBe(200);

    // Only admins deactivate.
    const other = await s.userWithToken({ role: 'manager', organizationId: org });
    expect((await s.call('POST', `/v1/users/${m.userId}/deactivate`, { token: other.token })).status).toBe(403);
    expect((await s.call('GET', '/v1/settings', { token: m.token })).status).toBe(200);

    const off = await s.call('POST', `/v1/users/${m.userId}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect(off.body.deactivatedAt).not.toBeNull();
    const refused = await s.call('GET', '/v1/settings', { token: m.token });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    // A repeat answers the user as it is; no new token while deactivated.
    expect((await s.call('POST', `/v1/users/${m.userId}/deactivate`)).body.deactivatedAt).toBe(off.body.deactivatedAt);
    expect((await s.call('POST', `/v1/users/${m.userId}/tokens`, { body: {} })).status).toBe(409);
    expect((await s.call('GET', '/v1/users')).body.items.find((u: { id: string }) => u.id === m.userId)?.active).toBe(false);

    const on = await s.call('POST', `/v1/users/${m.userId}/reactivate`);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ active: true, deactivatedAt: null });
    expect((await s.call('GET', '/v1/settings', { token: m.token })).status).toBe(200);
    expect((await s.call('GET', '/v1/settings', { token: second.body.token })).status).toBe(401);

    const actions = (await s.call('GET', `/v1/audit?entity=user&id=${m.userId}`)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['create', 'deactivate', 'reactivate']);
  });

  it('lists a user\'s tokens without secrets: admins anyone\'s, users their own', async () => {
    const org = await s.organization({ name: unique('Org') });
    const m = await s.userWithToken({ role: 'manager', organizationId: org });
    const other = await s.userWithToken({ role: 'manager', organizationId: org });
    const ci = await s.call('POST', `/v1/users/${m.userId}/tokens`, { token: m.token, body: { name: 'ci' } });
    expect((await s.call('DELETE', `/v1/tokens/${ci.body.id}`)).status).toBe(204);

    const mine = await s.call('GET', `/v1/users/${m.userId}/tokens`, { token: m.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    const byId = Object.fromEntries(mine.body.items.map((t: { id: string }) => [t.id, t]));
    expect(byId[m.tokenId]).toMatchObject({ userId: m.userId, revokedAt: null });
    expect(byId[m.tokenId].lastUsedAt).not.toBeNull();
    expect(byId[ci.body.id]).toMatchObject({ name: 'ci' });
    expect(byId[ci.body.id].revokedAt).not.toBeNull();
    const text = JSON.stringify(mine.body);
    expect(text).not.toContain(m.token);
    expect(text).not.toContain(ci.body.token);
    expect(text).not.toMatch(/pf_/);

    expect((await s.call('GET', `/v1/users/${m.userId}/tokens`)).body.items).toHaveLength(2);
    expect((await s.call('GET', `/v1/users/${m.userId}/tokens`, { token: other.token })).status).toBe(403);

    const first = await s.call('GET', `/v1/users/${m.userId}/tokens?limit=1`, { token: m.token });
    expect(first.body.items).toHaveLength(1);
    const rest = await s.call('GET', `/v1/users/${m.userId}/tokens?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: m.token });
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('keeps the last active admin: neither deactivated nor demoted, by the service or the database', async () => {
    const [bootstrap] = await s.sql<{ id: string }[]>`select user_id as id from api_tokens where token_hash = ${hashToken(s.adminToken)}`;
    const second = await s.userWithToken({ role: 'admin', email: uniqueEmail('admin') });
    // Leave the bootstrap admin as the only active one.
    expect((await s.call('POST', `/v1/users/${second.userId}/deactivate`)).status).toBe(200);
    const others = await s.sql`select id from users where role = 'admin' and deactivated_at is null and id <> ${bootstrap!.id}`;
    for (const o of others) expect((await s.call('POST', `/v1/users/${o.id}/deactivate`)).status).toBe(200);

    const self = await s.call('POST', `/v1/users/${bootstrap!.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CONFLICT');
    expect(self.body.detail).toMatch(/last active admin/);
    const demote = await s.call('PATCH', `/v1/users/${bootstrap!.id}`, { body: { role: 'approver' } });
    expect(demote.status).toBe(409);
    await expect(s.sql`update users set deactivated_at = now() where id = ${bootstrap!.id}`).rejects.toThrow(/last active admin/);
    expect((await s.call('GET', '/v1/settings')).status).toBe(200);

    // With a second active admin, the first may go.
    expect((await s.call('POST', `/v1/users/${second.userId}/reactivate`)).status).toBe(200);
    const demoted = await s.call('PATCH', `/v1/users/${second.userId}`, { token: second.token, body: { role: 'approver' } });
    expect(demoted.status).toBe(200);
    expect((await s.call('PATCH', '/v1/settings', { token: second.token, body: { useAllotments: true } })).status).toBe(403);
  });
});
