// The Idempotency-Key store the API's middleware uses (claims, stored answers, releases), with
// this process as the owner of the claims it makes.
import { hostname } from 'node:os';
import type { Sql } from '../db/connect';
import {
  claimIdempotencyKey as claimRecord,
  completeIdempotencyKey as completeRecord,
  holdOwnerLock,
  releaseIdempotencyKey as releaseRecord,
  type ClaimOwner,
  type IdempotencyRecord,
} from '../repos/idempotency';

export type { ClaimOwner, IdempotencyRecord };

/** How often the owner lock's connection is checked; a broken one is replaced (a new owner) at the next claim. */
const CHECK_EVERY_MS = 2_000;

interface Held {
  owner: ClaimOwner;
  lost: boolean;
}

const held = new WeakMap<Sql, Promise<Held>>();

/**
 * This process as the owner of its claims on `sql`: a session advisory lock taken on first use and
 * held for the life of the process. Another replica takes a claim over only once that lock is
 * gone, i.e. once this process (or its lock connection) is gone.
 */
async function currentOwner(sql: Sql): Promise<ClaimOwner> {
  let entry = held.get(sql);
  if (entry && (await entry).lost) entry = undefined;
  if (!entry) {
    entry = takeOwnership(sql);
    held.set(sql, entry);
    entry.catch(() => held.delete(sql));
  }
  return (await entry).owner;
}

async function takeOwnership(sql: Sql): Promise<Held> {
  const lock = await holdOwnerLock(sql, `${hostname()}:${process.pid}`);
  const state: Held = { owner: lock.owner, lost: false };
  const timer = setInterval(() => {
    lock.alive().catch(() => {
      // The connection (and with it the lock) is gone: the next claim takes a new owner lock.
      state.lost = true;
      clearInterval(timer);
      void lock.release().catch(() => undefined);
    });
  }, CHECK_EVERY_MS);
  timer.unref();
  return state;
}

export async function claimIdempotencyKey(
  sql: Sql,
  r: { principal: string; key: string; method: string; path: string; requestHash: string },
): Promise<{ claimed: true; owner: ClaimOwner } | { claimed: false; existing: IdempotencyRecord }> {
  const owner = await currentOwner(sql);
  const claim = await claimRecord(sql, { ...r, owner });
  return claim.claimed ? { claimed: true, owner } : claim;
}

export async function completeIdempotencyKey(
  sql: Sql,
  owner: ClaimOwner,
  principal: string,
  key: string,
  response: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  await completeRecord(sql, principal, key, response, owner);
}

export async function releaseIdempotencyKey(sql: Sql, owner: ClaimOwner, principal: string, key: string): Promise<void> {
  await releaseRecord(sql, principal, key, owner);
}
