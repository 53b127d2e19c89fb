// Limits on the public endpoints: guessing is throttled per client address, use per credential. Pure.
import { createHash } from 'node:crypto';
import { normalizeCidr, parseIp } from './ip';

/** Every counter runs in fixed windows of one minute. */
export const RATE_WINDOW_SECONDS = 60;

/** Unknown tokens, codes, keys, groups and claims, and wrong verification codes, per client address. */
export const FAILED_LOOKUP = 'failed_lookup';

/** The credentials whose use is counted: one counter per link, code, key, group or claim. */
export const LimitedUse = {
  SHARE_LINK: 'share_link',
  REDEMPTION_CODE: 'redemption_code',
  LICENCE_KEY: 'licence_key',
  ACCESS_GROUP: 'access_group',
  ACCESS_CLAIM: 'access_claim',
  /** Requests for a Partner Portal sign-in link, per client address. */
  PORTAL_SIGN_IN: 'portal_sign_in',
} as const;
export type LimitedUse = (typeof LimitedUse)[keyof typeof LimitedUse];

export const useLabel: Record<LimitedUse, string> = {
  share_link: 'share link',
  redemption_code: 'code',
  licence_key: 'key',
  access_group: 'group',
  access_claim: 'claim',
  portal_sign_in: 'sign-in form',
};

/**
 * Whose failures count together: an IPv4 address, or an IPv6 address's /64 (one subscriber's
 * network: anyone holding one has all of its addresses). Anything else as it came, shortened.
 */
export function addressSubject(clientIp: string): string {
  const ip = parseIp(clientIp);
  if (!ip) return clientIp.slice(0, 200) || 'unknown';
  const range = normalizeCidr(ip.family === 6 ? `${clientIp.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '')}/64` : clientIp.trim());
  return range.ok ? range.value : clientIp.slice(0, 200);
}

/** A secret (a licence key) is counted under its hash, never stored as it is. */
export const secretSubject = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** An address is refused once it has failed this many lookups in the window. */
export const guessingRefused = (failures: number, limit: number) => failures >= limit;

/** A use is allowed while the window's count stays within the configured base or what the credential allows, whichever is larger. */
export const withinUseLimit = (hits: number, base: number, allows = 0) => hits <= Math.max(base, allows);
