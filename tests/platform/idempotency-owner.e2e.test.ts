import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from '../setup/global';
import { projectRoot } from '../../src/tools/paths';
import { exited } from '../support/npm-start';
import { startTestStack, type TestStack } from '../support/stack';

// An Idempotency-Key claim belongs to the API process running its request. Another replica takes
// it over as soon as that process is dead (it can commit nothing more), never while it lives.

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(250)) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

describe('an Idempotency-Key claim and the process that owns it', () => {
  let s: TestStack;
  let replica: { child: ChildProcess; url: string; output: () => string };

  /** `npm run api`'s entry point on this file's database: the other replica. */
  async function startReplica() {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/composition/main-api.ts'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, LOG_LEVEL: 'warn', PORT: String(port), DATABASE_URL: s.dbUrl, TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_TASK_QUEUE: s.taskQueue },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const url = `http://127.0.0.1:${port}`;
    await until('the replica to answer /health', async () => {
      if (child.exitCode !== null) throw new Error(`the replica exited:\n${out}`);
      return fetch(`${url}/health`).then((r) => (r.ok ? true : undefined), () => undefined);
    }, 120_000);
    return { child, url, output: () => out };
  }

  beforeAll(async () => {
    s = await startTestStack({ worker: false });
    replica = await startReplica();
  }, 180_000);
  afterAll(async () => {
    if (replica?.child.exitCode === null && replica.child.signalCode === null) {
      const done = exited(replica.child);
      replica.child.kill('SIGKILL');
      await done;
    }
    await s?.close();
  });

  /** Holds the unique index on `email` in an open transaction: a request creating that user waits for it. */
  async function holdEmail(email: string) {
    const conn = await s.sql.reserve();
    await conn`begin`;
    await conn`insert into users (email, name, role) values (${email}, 'Holder', 'approver')`;
    return async () => {
      await conn`rollback`;
      conn.release();
    };
  }

  const createUser = (base: string, key: string, email: string) =>
    fetch(`${base}/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ email, name: 'Once Only', role: 'approver' }),
    });
  const claimOf = async (key: string) =>
    (await s.sql<{ owner: string | null; ownerLock: number | null; state: string }[]>`select owner, owner_lock, state from idempotency_records where key = ${key}`)[0];
  const users = async (email: string) => (await s.sql<{ n: number }[]>`select count(*)::int as n from users where lower(email) = lower(${email})`)[0]!.n;

  it('a live slow request is never taken over: repeats get 409 until it answers, then its answer', { timeout: 120_000 }, async () => {
    const key = `live-${randomUUID()}`;
    const email = `live-${randomUUID()}@example.test`;
    const release = await holdEmail(email);
    const first = createUser(replica.url, key, email);
    const claim = await until('the replica to claim the key', async () => {
      const c = await claimOf(key);
      return c?.ownerLock ? c : undefined;
    });
    expect(claim.owner).toMatch(/:\d+$/);
    // Well past any lease or heartbeat period: the owner is alive, so the key stays its own.
    for (const end = Date.now() + 12_000; Date.now() < end; await sleep(1_000)) {
      const repeat = await createUser(s.baseUrl, key, email);
      expect(repeat.status).toBe(409);
      expect(((await repeat.json()) as { code: string }).code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    expect((await claimOf(key))?.ownerLock).toBe(claim.ownerLock);
    await release();
    const answered = await first;
    expect(answered.status).toBe(201);
    const created = (await answered.json()) as { id: string };
    const replay = await createUser(s.baseUrl, key, email);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(((await replay.json()) as { id: string }).id).toBe(created.id);
    expect(await users(email)).toBe(1);
  });

  it('a claim whose owner process was killed is taken over by another replica at once', { timeout: 120_000 }, async () => {
    const key = `dead-${randomUUID()}`;
    const email = `dead-${randomUUID()}@example.test`;
    const release = await holdEmail(email);
    const first = createUser(replica.url, key, email).catch(() => undefined);
    const claim = await until('the replica to claim the key', async () => {
      const c = await claimOf(key);
      return c?.ownerLock ? c : undefined;
    });
    const gone = exited(replica.child);
    replica.child.kill('SIGKILL');
    await gone;
    expect(await first).toBeUndefined();
    await release();

    // The dead process committed nothing; a repeat on this replica runs the request (within the
    // wait's bound, far inside the 5 minutes a claim without an owner blocks its key).
    const retry = await until('a repeat that is not refused as in progress', async () => {
      const res = await createUser(s.baseUrl, key, email);
      return res.status === 409 ? undefined : res;
    }, 60_000);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
    const taken = await claimOf(key);
    expect(taken).toMatchObject({ state: 'done' });
    expect(taken!.ownerLock).not.toBe(claim.ownerLock);
    expect(await users(email)).toBe(1);
  });
});
