import { describe, expect, it } from 'vitest';
import { holdLock } from '../support/races';
import { suiteStack } from '../support/suite';
import { profile } from './world';

describe('promotions racing for the last places under the member limit', () => {
  const { s } = suiteStack({ worker: false });

  it('admits exactly as many members as places are left, whatever arrives at once; the rest get MEMBER_LIMIT_REACHED', async () => {
    const organizationId = await s.organization({ name: 'Popular studio', package: 'advanced', memberLimit: 5 });
    for (let i = 0; i < 2; i++) expect((await profile(s, { organizationId, status: 'member', name: `Early member ${i}` })).status).toBe(201);
    const prospects: string[] = [];
    for (let i = 0; i < 20; i++) {
      const p = await profile(s, { organizationId, name: `Prospect ${i}` });
      expect(p.status).toBe(201);
      prospects.push(p.body.id);
    }

    // The studio row is where admissions queue: hold it until they all wait there together.
    const held = await holdLock(s.dbUrl, (tx) => tx`select 1 from organizations where id = ${organizationId} for update`);
    const promotions = prospects.map((id) => s.call('PATCH', `/v1/profiles/${id}`, { body: { status: 'member' } }));
    const newcomers = Array.from({ length: 10 }, (_, i) => profile(s, { organizationId, status: 'member', name: `Walk-in ${i}` }));
    try {
      await held.waitForWaiters(10, 'member admissions (promotions and new members)');
    } finally {
      await held.release();
    }
    const promoted = await Promise.all(promotions);
    const created = await Promise.all(newcomers);
    const all = [...promoted, ...created];
    expect(all).toHaveLength(30);
    const admitted = all.filter((r) => r.status === 200 || r.status === 201);
    const refused = all.filter((r) => r.status === 409);
    expect(admitted).toHaveLength(3);
    expect(refused).toHaveLength(27);
    expect(refused.map((r) => `${r.body.code} ${r.body.memberLimit} ${r.body.members}`)).toEqual(Array(27).fill('MEMBER_LIMIT_REACHED 5 5'));
    expect(promoted.filter((r) => r.status === 200).length + created.filter((r) => r.status === 201).length).toBe(3);

    const [count] = await s.sql`select count(*)::int as n from profiles where organization_id = ${organizationId} and status = 'member'`;
    expect(count!.n).toBe(5);
    const stats = (await s.call('GET', `/v1/organizations/${organizationId}/member-stats`)).body;
    expect(stats).toMatchObject({ members: 5, memberLimit: 5, membersAvailable: 0 });
    // A refused promotion changed nothing: the profile is still a prospect.
    const stillProspects = promoted.filter((r) => r.status === 409).length;
    expect(stats.prospects).toBe(stillProspects);
  });
});
