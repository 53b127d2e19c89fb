// Licence key validity rules. Pure: shared by the workflow, the activities and the tests.
import { daysToMs } from './dates';
import type { KeyStatus } from './types';

/**
 * Keys due within this lead are renewed ahead of their expiry, so a renewed key never reads
 * as expired in between.
 */
export const RENEWAL_LEAD_MS = 60 * 60 * 1000;

/** A new key is valid keyLengthDays from its issue, never past the sale's end. */
export function keyExpiry(issuedAt: Date, keyLengthDays: number, saleEndsAt: Date): Date {
  return new Date(Math.min(issuedAt.getTime() + daysToMs(keyLengthDays), saleEndsAt.getTime()));
}

/** A key expiring before the sale ends gets another keyLengthDays from its old expiry, capped at the sale's end. */
export function renewedExpiry(expiresAt: Date, keyLengthDays: number, saleEndsAt: Date): Date {
  if (expiresAt.getTime() >= saleEndsAt.getTime()) return new Date(saleEndsAt.getTime());
  return new Date(Math.min(expiresAt.getTime() + daysToMs(keyLengthDays), saleEndsAt.getTime()));
}

/** A key needs renewing when it expires before the sale ends and is due within the lead. */
export function isRenewalDue(expiresAt: Date, saleEndsAt: Date, now: Date): boolean {
  return expiresAt.getTime() < saleEndsAt.getTime() && expiresAt.getTime() <= now.getTime() + RENEWAL_LEAD_MS;
}

/**
 * What a renewal run at `at` does to one live key: renews it while it is due (a worker that was
 * down for long catches up in one run), and how often. renewDueKeys in src/repos/sales/sale-keys.ts
 * does the same in SQL, for every key of a sale at once.
 */
export function renewalAt(expiresAt: Date, keyLengthDays: number, saleEndsAt: Date, at: Date): { expiresAt: Date; renewals: number } {
  let expiry = expiresAt;
  let renewals = 0;
  while (isRenewalDue(expiry, saleEndsAt, at)) {
    expiry = renewedExpiry(expiry, keyLengthDays, saleEndsAt);
    renewals++;
  }
  return { expiresAt: expiry, renewals };
}

/** When the workflow must wake up to renew a key expiring at `expiresAt`. */
export function renewalWakeAt(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - RENEWAL_LEAD_MS);
}

export function keyStatus(key: { expiresAt: Date; revokedAt: Date | null }, now: Date): KeyStatus {
  if (key.revokedAt) return 'revoked';
  return key.expiresAt.getTime() > now.getTime() ? 'valid' : 'expired';
}
