import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

// parent ─┬─ child ── grandchild
//         └─ sibling
describe('manager scope: own organization and descendants only', () => {
  let s: TestStack;
  let parent: string, child: string, grandchild: string, sibling: string, other: string;
  let parentManager: { token: string }, childManager: { token: string; email: string };

  beforeAll(async () => {
    s = await startTestStack({ worker: false });
    parent = await s.organization({ name: 'Parent' });
    child = await s.organization({ name: 'Child', parentId: parent });
    grandchild = await s.organization({ name: 'Grandchild', parentId: child });
    sibling = await s.organization({ name: 'Sibling', parentId: parent });
    other = await s.organization({ name: 'Other root' });
    parentManager = await s.userWithToken({ role: 'manager', organizationId: parent });
    childManager = await s.userWithToken({ role: 'manager', organizationId: child });
  });
  afterAll(async () => s?.close());

  const names = async (token: string) => {
    const res = await s.call('GET', '/v1/organizations', { token });
    return res.body.items.map((o: { name: string }) => o.name).sort();
  };

  it('lists exactly the subtree', async () => {
    expect(await names(parentManager.token)).toEqual(['Child', 'Grandchild', 'Parent', 'Sibling']);
    expect(await names(childManager.token)).toEqual(['Child', 'Grandchild']);
  });

  it('reads own and child organizations, but not the parent, a sibling or another tree', async () => {
    expect((await s.call('GET', `/v1/organizations/${child}`, { token: childManager.token })).status).toBe(200);
    expect((await s.call('GET', `/v1/organizations/${grandchild}`, { token: childManager.token })).status).toBe(200);
    for (const id of [parent, sibling, other]) {
      const res = await s.call('GET', `/v1/organizations/${id}`, { token: childManager.token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('creates only inside the subtree, defaulting to the manager\'s own organization', async () => {
    const res = await s.call('POST', '/v1/organizations', { token: childManager.token, body: { name: 'New under child' } });
    expect(res.status).toBe(201);
    expect(res.body.parentId).toBe(child);
    const outside = await s.call('POST', '/v1/organizations', { token: childManager.token, body: { name: 'Sneaky', parentId: sibling } });
    expect(outside.status).toBe(404);
    const [count] = await s.sql`select count(*)::int as n from organizations where name = 'Sneaky'`;
    expect(count!.n).toBe(0);
  });

  it('keeps commercial fields admin-only and cannot move its own root', async () => {
    const res = await s.call('PATCH', `/v1/organizations/${grandchild}`, { token: childManager.token, body: { package: 'premium' } });
    expect(res.status).toBe(403);
    expect(res.body.fields).toEqual(['package']);
    const move = await s.call('PATCH', `/v1/organizations/${child}`, { token: childManager.token, body: { parentId: null } });
    expect(move.status).toBe(403);
    const rename = await s.call('PATCH', `/v1/organizations/${grandchild}`, { token: childManager.token, body: { name: 'Renamed' } });
    expect(rename.status).toBe(200);
    expect(rename.body.name).toBe('Renamed');
  });

  it('moves a subtree with its descendants and refuses cycles', async () => {
    const a = await s.organization({ name: 'Move A' });
    const b = await s.organization({ name: 'Move B', parentId: a });
    const c = await s.organization({ name: 'Move C', parentId: b });
    const cycle = await s.call('PATCH', `/v1/organizations/${a}`, { body: { parentId: c } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].path).toBe('parentId');
    expect((await s.call('PATCH', `/v1/organizations/${b}`, { body: { parentId: parent } })).status).toBe(200);
    // C moved with B: the parent's manager now sees it, and paths are consistent.
    expect(await names(parentManager.token)).toContain('Move C');
    const [row] = await s.sql`select path from organizations where id = ${c}`;
    expect(row!.path).toEqual([parent, b, c]);
  });

  it('lists users of the subtree only and reads audit events of the subtree only', async () => {
    const siblingManager = await s.userWithToken({ role: 'manager', organizationId: sibling });
    const users = await s.call('GET', '/v1/users', { token: childManager.token });
    const emails: string[] = users.body.items.map((u: { email: string }) => u.email);
    // The child manager sees their own subtree's users (at least themselves), never the sibling's.
    expect(emails.length).toBeGreaterThan(0);
    expect(emails).toContain(childManager.email);
    expect(emails).not.toContain(siblingManager.email);
    const [subtree] = await s.sql`select count(*)::int as n from users u join organizations o on o.id = u.organization_id where ${child} = any(o.path)`;
    expect(emails).toHaveLength(subtree!.n);
    const own = await s.call('GET', `/v1/audit?entity=organization&id=${grandchild}`, { token: childManager.token });
    expect(own.body.items.length).toBeGreaterThan(0);
    const foreign = await s.call('GET', `/v1/audit?entity=organization&id=${sibling}`, { token: childManager.token });
    expect(foreign.body.items).toEqual([]);
  });
});
