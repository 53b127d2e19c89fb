import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { freshRateWindow } from '../support/rate-window';
import { suiteStack } from '../support/suite';
import { claim, codeMailedTo, groupUsers, groupWorld, verify } from './world';

describe('access rules behind a trusted proxy', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (s) => {
    const world = await groupWorld(s);
    const rules = await s.call('POST', `/v1/groups/${world.groupId}/access-rules`, {
      body: { ipRanges: ['203.0.113.7/24', '2001:DB8:0:0::/32', '192.0.2.10'], emailDomains: ['@XYZ.Example.', 'labs.other.example'] },
    });
    expect(rules.status).toBe(201);
    expect(rules.body).toMatchObject({ ipRanges: ['203.0.113.0/24', '2001:db8::/32', '192.0.2.10/32'], emailDomains: ['xyz.example', 'labs.other.example'] });
    return world;
  });

  it('refuses malformed ranges and domains, naming each', async () => {
    const res = await s.call('POST', `/v1/groups/${w.groupId}/access-rules`, { body: { ipRanges: ['10.0.0.0/8', '300.1.1.1/8', '10.0.0.0/33'], emailDomains: ['ok.example', 'no spaces.example', 'localhost'] } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['ipRanges.1', 'ipRanges.2', 'emailDomains.1', 'emailDomains.2']);
    expect((await s.call('GET', `/v1/groups/${w.groupId}`)).body.accessRules.ipRanges).toEqual(['203.0.113.0/24', '2001:db8::/32', '192.0.2.10/32']);
  });

  it('a claim from a matching address (as the proxy reports it) is subscribed at once, once per e-mail', async () => {
    const res = await claim(s, w.groupId, 'walkin@anywhere.example', { 'x-forwarded-for': '203.0.113.50' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'granted', via: 'ip', subscriptionStatus: 'active', existing: false });
    const again = await claim(s, w.groupId, 'WALKIN@anywhere.example', { 'x-forwarded-for': '203.0.113.51' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'granted', existing: true, subscriptionId: res.body.subscriptionId });
    const v6 = await claim(s, w.groupId, 'six@anywhere.example', { 'x-forwarded-for': '2001:db8:42::1' });
    expect(v6.status).toBe(201);
    const users = await groupUsers(s, w.groupId);
    expect(users.filter((u) => u.source === 'ip_claim').map((u) => u.email).sort()).toEqual(['six@anywhere.example', 'walkin@anywhere.example']);
  });

  it('only the right-most address the proxy did not add is believed', async () => {
    const spoofed = await claim(s, w.groupId, 'spoof@anywhere.example', { 'x-forwarded-for': '203.0.113.9, 198.51.100.23' });
    expect(spoofed.status).toBe(403);
    expect(spoofed.body.code).toBe('FORBIDDEN');
  });

  it('an address in a listed domain proves itself with a code e-mailed to it; wrong codes count', async () => {
    const res = await claim(s, w.groupId, 'ana@xyz.example', { 'x-forwarded-for': '198.51.100.7' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'verification_sent', via: 'email_domain', subscriptionId: null, codeExpiresAt: expect.any(String) });
    const code = await codeMailedTo(s, 'ana@xyz.example');
    const wrong = await verify(s, res.body.id, code === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'VERIFICATION_FAILED', attemptsLeft: 4 });
    const ok = await verify(s, res.body.id, code);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'granted', via: 'email_domain', subscriptionStatus: 'active' });
    expect((await verify(s, res.body.id, code)).status).toBe(200);
    const [row] = await s.sql<{ codeHash: Buffer }[]>`select code_hash from access_claims where id = ${res.body.id}`;
    expect(row!.codeHash.toString('hex')).not.toContain(code);
    const [leak] = await s.sql`select count(*)::int as n from audit_events where before::text like ${'%' + code + '%'} or after::text like ${'%' + code + '%'}`;
    expect(leak!.n).toBe(0);
    expect((await groupUsers(s, w.groupId)).find((u) => u.email === 'ana@xyz.example')).toMatchObject({ source: 'email_claim', status: 'active' });
  });

  it('subdomains of a listed domain count; other domains do not', async () => {
    expect((await claim(s, w.groupId, 'bo@dept.xyz.example', { 'x-forwarded-for': '198.51.100.8' })).status).toBe(202);
    expect((await claim(s, w.groupId, 'eve@xyz.example.evil.example', { 'x-forwarded-for': '198.51.100.8' })).status).toBe(403);
    expect((await claim(s, w.groupId, 'eve@notxyz.example', { 'x-forwarded-for': '198.51.100.8' })).status).toBe(403);
  });

  it('an expired code is refused, and so is every code after five wrong ones', async () => {
    const late = await claim(s, w.groupId, 'late@xyz.example', { 'x-forwarded-for': '198.51.100.9' });
    const lateCode = await codeMailedTo(s, 'late@xyz.example');
    // Sixteen minutes pass: the code was valid for fifteen.
    await s.sql`update access_claims set code_expires_at = now() - interval '1 minute' where id = ${late.body.id}`;
    const expired = await verify(s, late.body.id, lateCode);
    expect(expired.status).toBe(409);
    expect(expired.body.code).toBe('CODE_EXPIRED');

    const guess = await claim(s, w.groupId, 'guess@xyz.example', { 'x-forwarded-for': '198.51.100.10' });
    const real = await codeMailedTo(s, 'guess@xyz.example');
    const wrong = real === '999999' ? '999998' : '999999';
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push((await verify(s, guess.body.id, wrong)).body);
    expect(tries.map((t) => t.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    const locked = await verify(s, guess.body.id, real);
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('CODE_EXHAUSTED');
    expect((await groupUsers(s, w.groupId)).map((u) => u.email)).not.toContain('guess@xyz.example');
  });

  it('sends at most three codes to one address in fifteen minutes', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await claim(s, w.groupId, 'spam@xyz.example', { 'x-forwarded-for': '198.51.100.11' })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('an unknown group is not found', async () => {
    expect((await claim(s, '00000000-0000-4000-8000-000000000000', 'x@xyz.example')).status).toBe(404);
  });
});

describe('access rules with no trusted proxy', () => {
  const { s, w } = suiteStack({}, groupWorld);

  it('ignores a forwarded-for header from an untrusted peer and uses the address it sees', async () => {
    await s.call('POST', `/v1/groups/${w.groupId}/access-rules`, { body: { ipRanges: ['203.0.113.0/24'], emailDomains: [] } });
    const spoofed = await claim(s, w.groupId, 'mallory@anywhere.example', { 'x-forwarded-for': '203.0.113.50' });
    expect(spoofed.status).toBe(403);
    expect(await groupUsers(s, w.groupId)).toHaveLength(0);

    await s.call('POST', `/v1/groups/${w.groupId}/access-rules`, { body: { ipRanges: ['127.0.0.0/8'], emailDomains: [] } });
    const local = await claim(s, w.groupId, 'local@anywhere.example', { 'x-forwarded-for': '198.51.100.1' });
    expect(local.status).toBe(201);
    expect(local.body.via).toBe('ip');
  });

  it('throttles claims for unknown groups per client address', async () => {
    const LIMIT = loadConfig({}).RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE;
    await freshRateWindow(s.sql);
    const statuses = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await claim(s, randomUUID(), `rl${i}@nowhere.example`)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(404), 429, 429]);
    // Until the minute is over this address cannot tell a real group from a guess.
    const real = await claim(s, w.groupId, 'late@nowhere.example');
    expect(real.status).toBe(429);
    expect(Number(real.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
