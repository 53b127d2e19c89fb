import { connectDatabase, type Db, type Sql } from '../../src/db/connect';
import { waitFor } from './wait';

/**
 * A lock a test holds in a transaction of its own (on its own connection, outside the stack's
 * pool), so the requests or activities that need it queue up behind it. While it is held the test
 * can see them waiting — the race it names is then really happening — and decide when they go on.
 */
export interface HeldLock {
  /** Sessions of this test's database waiting for a lock right now. */
  waiting(): Promise<number>;
  /** Waits until at least `n` sessions wait for a lock (throws on timeout, naming `what`). */
  waitForWaiters(n: number, what: string, timeoutMs?: number): Promise<number>;
  /** Ends the transaction (rolled back: the lock only held things up) and lets everyone through. */
  release(): Promise<void>;
}

/** Sessions of the current database waiting on a heavyweight lock (row, tuple, table, transaction). */
export async function lockWaiters(sql: Db): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
  return row!.n;
}

/**
 * Runs `lock` (e.g. a `select … for update`, or `lock table …`) in a transaction that stays open
 * until `release()`. `dbUrl` is the test file's database (`s.dbUrl`).
 */
export async function holdLock(dbUrl: string, lock: (tx: Db) => Promise<unknown>): Promise<HeldLock> {
  const conn: Sql = connectDatabase(dbUrl, { max: 2 });
  let letGo!: () => void;
  const released = new Promise<void>((ok) => (letGo = ok));
  let locked!: () => void;
  const isLocked = new Promise<void>((ok) => (locked = ok));
  const transaction = conn
    .begin(async (tx) => {
      await lock(tx);
      locked();
      await released;
      throw new RolledBack();
    })
    .catch((err: unknown) => {
      if (!(err instanceof RolledBack)) throw err;
    });
  await Promise.race([isLocked, transaction]);
  const held: HeldLock = {
    waiting: () => lockWaiters(conn),
    waitForWaiters: (n, what, timeoutMs = 60_000) => waitFor(() => held.waiting(), (w) => w >= n, { timeoutMs, everyMs: 20, what: `${n} sessions waiting for the held lock (${what})` }),
    async release() {
      letGo();
      await transaction;
      await conn.end({ timeout: 5 });
    },
  };
  return held;
}

class RolledBack extends Error {}
