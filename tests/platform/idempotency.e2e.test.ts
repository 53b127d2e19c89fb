import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdLock } from '../support/races';
import { startTestStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/wait';

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

  /** Holds inserts into organizations back: a POST /v1/organizations that claimed its key stays in progress until released. */
  const holdOrganizationInserts = () => holdLock(s.dbUrl, (tx) => tx`lock table organizations in share mode`);
  const record = async (key: string) => (await s.sql<{ state: string }[]>`select state from idempotency_records where key = ${key}`)[0];

  it('answers IDEMPOTENCY_IN_PROGRESS while the first request with the key still runs, then replays its answer', async () => {
    const headers = { 'idempotency-key': 'slow-1' };
    const held = await holdOrganizationInserts();
    const first = s.call('POST', '/v1/organizations', { body: { name: 'Slow Org' }, headers });
    try {
      // The first request has claimed the key and is stuck in its insert: really in progress.
      await waitFor(() => record('slow-1'), (r) => r?.state === 'in_progress', { what: 'the first request to claim the key' });
      await held.waitForWaiters(1, 'the first request\'s insert');
      const repeat = await s.call('POST', '/v1/organizations', { body: { name: 'Slow Org' }, headers });
      expect(repeat.status).toBe(409);
      expect(repeat.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(await count('Slow Org')).toBe(0);
    } finally {
      await held.release();
    }
    const done = await first;
    expect(done.status).toBe(201);
    const replay = await s.call('POST', '/v1/organizations', { body: { name: 'Slow Org' }, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body).toEqual(done.body);
    expect(await count('Slow Org')).toBe(1);
  });

  it('creates once under 20 concurrent repeats of one key: one runs, the other 19 are told it is in progress', async () => {
    const headers = { 'idempotency-key': 'create-race-1' };
    const held = await holdOrganizationInserts();
    const results = Array.from({ length: 20 }, () => s.call('POST', '/v1/organizations', { body: { name: 'Race Org' }, headers }));
    const settled: { status: number; body: { code?: string; id?: string } }[] = [];
    for (const r of results) void r.then((res) => settled.push(res), () => {});
    try {
      // All 20 were sent together: the one that claimed the key waits in its insert, the 19 others have their answer.
      await held.waitForWaiters(1, 'the request that claimed the key');
      await waitFor(async () => settled.length, (n) => n === 19, { what: 'the 19 repeats to be answered while the first is held' });
      expect(settled.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(19).fill('409 IDEMPOTENCY_IN_PROGRESS'));
      expect(await count('Race Org')).toBe(0);
    } finally {
      await held.release();
    }
    const all = await Promise.all(results);
    expect(all).toHaveLength(20);
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await count('Race Org')).toBe(1);
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
    const body = { name: 'After Crash' };
    const principal = `user:${(await s.sql`select user_id from api_tokens limit 1`)[0]!.userId}`;
    // What a request that died after claiming the key leaves behind: its claim, with the hash the
    // middleware computes for this very request (api/idempotency.ts), never completed.
    const requestHash = createHash('sha256').update('POST /v1/organizations?\napplication/json\n').update(JSON.stringify(body)).digest('hex');
    await s.sql`insert into idempotency_records (principal, key, method, path, request_hash) values (${principal}, 'crashed-1', 'POST', '/v1/organizations', ${requestHash})`;
    const blocked = await s.call('POST', '/v1/organizations', { body, headers });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await count('After Crash')).toBe(0);
    await s.sql`update idempotency_records set created_at = now() - interval '6 minutes' where key = 'crashed-1'`;
    const taken = await s.call('POST', '/v1/organizations', { body, headers });
    expect(taken.status).toBe(201);
    expect(await count('After Crash')).toBe(1);
    expect((await record('crashed-1'))?.state).toBe('done');
  });
});
