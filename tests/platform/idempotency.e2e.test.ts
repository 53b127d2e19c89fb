import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

describe('Idempotency-Key', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack({ worker: false });
  });
  afterAll(async () => s?.close());

  const count = async (name: string) => (await s.sql`select count(*)::int as n from organizations where name = ${name}`)[0]!.n;

  it('replays the first answer for a repeat and creates nothing twice', async () => {
    const headers = { 'idempotency-key': 'create-replay-1' };
    const first = await s.call('POST', '/v1/organizations', { body: { name: 'Replay Org' }, headers });
    const second = await s.call('POST', '/v1/organizations', { body: { name: 'Replay Org' }, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(await count('Replay Org')).toBe(1);
  });

  it('refuses the same key with a different body and changes nothing', async () => {
    const headers = { 'idempotency-key': 'create-conflict-1' };
    await s.call('POST', '/v1/organizations', { body: { name: 'Key Owner' }, headers });
    const res = await s.call('POST', '/v1/organizations', { body: { name: 'Key Thief' }, headers });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('Key Thief')).toBe(0);
  });

  it('creates once under 20 concurrent repeats of one key', async () => {
    const headers = { 'idempotency-key': 'create-race-1' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => s.call('POST', '/v1/organizations', { body: { name: 'Race Org' }, headers })),
    );
    expect(await count('Race Org')).toBe(1);
    const created = results.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of results.filter((r) => r.status !== 201)) expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
  });

  it('keeps keys apart per caller and replays refusals too', async () => {
    const org = await s.organization({ name: 'Keys Org' });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    const headers = { 'idempotency-key': 'shared-key' };
    const mine = await s.call('POST', '/v1/organizations', { body: { name: 'Admin Child' }, headers });
    const theirs = await s.call('POST', '/v1/organizations', { token: manager.token, body: { name: 'Manager Child' }, headers });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.parentId).toBe(org);

    const refusedHeaders = { 'idempotency-key': 'refused-1' };
    const refused = await s.call('POST', '/v1/organizations', { token: manager.token, body: { name: 'X', package: 'premium' }, headers: refusedHeaders });
    const replay = await s.call('POST', '/v1/organizations', { token: manager.token, body: { name: 'X', package: 'premium' }, headers: refusedHeaders });
    expect(refused.status).toBe(403);
    expect(replay.status).toBe(403);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
  });

  it('takes over a key left in progress by a process that died mid-request', async () => {
    const headers = { 'idempotency-key': 'crashed-1' };
    const principal = `user:${(await s.sql`select user_id from api_tokens limit 1`)[0]!.userId}`;
    await s.sql`insert into idempotency_records (principal, key, method, path, request_hash) values (${principal}, 'crashed-1', 'POST', '/v1/organizations', 'whatever')`;
    const blocked = await s.call('POST', '/v1/organizations', { body: { name: 'After Crash' }, headers });
    expect(blocked.status).toBe(422);
    await s.sql`update idempotency_records set created_at = now() - interval '6 minutes' where key = 'crashed-1'`;
    const taken = await s.call('POST', '/v1/organizations', { body: { name: 'After Crash' }, headers });
    expect(taken.status).toBe(201);
    expect(await count('After Crash')).toBe(1);
  });
});
