import { describe, expect, it } from 'vitest';
import { unique, uniqueEmail } from '../support/unique';
import { ledger, partnerSuite } from './world';

// Revoking a share link (issue 13): its public path answers 410 LINK_REVOKED from then on, the
// responses started through it stay, and only those who may create links for its organization
// and assessment may revoke it.

describe('revoking a share link', () => {
  const { s, w } = partnerSuite({ grant: 10 });

  const newLink = async () => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string; path: string };
  };
  const respond = (link: { path: string }, ip = '192.0.2.10') =>
    s.call('POST', link.path, { token: null, body: { email: uniqueEmail('resp'), name: 'Res Pondent' }, headers: { 'x-forwarded-for': ip } });

  it('answers 410 LINK_REVOKED on the public path once revoked, keeps the responses it started, and records who', async () => {
    const link = await newLink();
    const started = await respond(link);
    expect(started.status).toBe(201);

    const revoked = await s.call('POST', `/v1/share-links/${link.id}/revoke`, { token: w.manager.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: link.id, assessmentId: w.assessmentId, organizationId: w.organizationId, cohortId: null });
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(JSON.stringify(revoked.body)).not.toContain(link.token);

    const before = await ledger(s, w.organizationId, w.assessmentId);
    const gone = await respond(link);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toBe('application/problem+json');
    expect(gone.body.code).toBe('LINK_REVOKED');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toEqual(before);

    const response = await s.call('GET', `/v1/responses/${started.body.id}`, { token: w.manager.token });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('invited');

    // A repeat answers the link as it is: the first revocation's time stays.
    const again = await s.call('POST', `/v1/share-links/${link.id}/revoke`);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);

    const audit = await s.call('GET', `/v1/audit?entity=share_link&id=${link.id}`);
    const revocations = audit.body.items.filter((e: { action: string }) => e.action === 'revoke');
    expect(revocations).toHaveLength(1);
    expect(revocations[0].actor).toBe(`user:${w.manager.userId}`);

    // Other links of the same organization still work.
    expect((await respond(await newLink(), '192.0.2.11')).status).toBe(201);
  });

  it('is refused to approvers (403) and to managers who cannot see the link (404), changing nothing', async () => {
    const link = await newLink();
    const otherOrg = await s.organization({ name: unique('Other') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: otherOrg, assessmentIds: [w.assessmentId] });
    const unlinked = await s.userWithToken({ role: 'manager', organizationId: w.organizationId });
    const approver = await s.userWithToken({ role: 'approver' });

    expect((await s.call('POST', `/v1/share-links/${link.id}/revoke`, { token: approver.token })).status).toBe(403);
    for (const who of [stranger, unlinked]) {
      const res = await s.call('POST', `/v1/share-links/${link.id}/revoke`, { token: who.token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await s.call('POST', '/v1/share-links/00000000-0000-4000-8000-000000000000/revoke')).status).toBe(404);
    const [row] = await s.sql`select revoked_at from share_links where id = ${link.id}`;
    expect(row!.revokedAt).toBeNull();
    expect((await respond(link, '192.0.2.12')).status).toBe(201);
  });
});
