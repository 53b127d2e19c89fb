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

/**
 * A new licence key: 24 random bytes in base64url (32 characters), never starting with `-` or
 * `_`. A key starting with `-` reads as a formula to a spreadsheet, so the CSV export (which
 * neutralises such cells with a leading `'`) would show it changed, and reads as an option on a
 * command line.
 */
export function newLicenceKey(): string {
  for (;;) {
    const key = randomUrlToken(24);
    if (/^[A-Za-z0-9]/.test(key)) return key;
  }
}
