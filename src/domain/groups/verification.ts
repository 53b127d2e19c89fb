// One-time codes that prove an e-mail address. Only their hash is ever stored.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const VERIFICATION_CODE_TTL_MS = 15 * 60_000;
export const VERIFICATION_MAX_ATTEMPTS = 5;

/** Six digits: typed from an e-mail; guessing is bounded by the attempt limit and the expiry. */
export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Salted with the claim id, so equal codes of different claims hash differently. */
export function hashVerificationCode(claimId: string, code: string): Buffer {
  return createHash('sha256').update(`${claimId}:${code.trim()}`, 'utf8').digest();
}

export function verificationCodeMatches(claimId: string, code: string, hash: Buffer): boolean {
  const candidate = hashVerificationCode(claimId, code);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}
