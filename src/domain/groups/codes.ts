// Coupon code strings. Pure: randomness comes in as bytes.

/** No 0/O or 1/I: codes are read off e-mails and typed by hand. 32 symbols, so a byte maps without bias. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const UNIQUE_CODE_LENGTH = 12;

/** A unique campaign code from `UNIQUE_CODE_LENGTH` random bytes (rejection-free: 256 % 32 = 0). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < UNIQUE_CODE_LENGTH) throw new Error(`need ${UNIQUE_CODE_LENGTH} random bytes`);
  let out = '';
  for (let i = 0; i < UNIQUE_CODE_LENGTH; i++) out += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return out;
}

/** What Stripe accepts as a promotion code and what our column allows. */
export const SHARED_CODE = /^[A-Za-z0-9]{3,64}$/;

/** Codes are compared case-insensitively, ignoring surrounding blanks and the dashes people add. */
export function normalizeCode(input: string): string {
  return input.trim().replace(/[\s-]/g, '').toUpperCase();
}
