import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'pf_';

/** A new bearer secret: 32 random bytes, prefixed so leaked tokens are recognisable in scanners. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** An unguessable public token (share links, verification codes use their own formats). */
export function randomUrlToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
