// What every value that comes in from outside must be before it reaches PostgreSQL, Stripe or a
// workflow: the ranges of the database's types, and text PostgreSQL and UTF-8 can hold. Pure.

/** PostgreSQL `integer` (int4): the range of an integer input unless its schema declares a wider one. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** ISO-8601 years that every layer (JavaScript dates, PostgreSQL, Stripe) reads the same way. */
export const YEAR_MIN = 1;
export const YEAR_MAX = 9999;

/** How long an excerpt of client input may be in an error message (longer ones end in an ellipsis). */
export const EXCERPT_CHARS = 100;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored or sent on, or undefined when it can: PostgreSQL text holds no
 * NUL character, and a lone UTF-16 surrogate has no UTF-8 encoding (URL encoding throws on it).
 */
export function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(s)) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

/** Why an integer is outside [min, max], or undefined when it is inside. */
export function integerProblem(n: number, min: number, max: number): string | undefined {
  if (!Number.isSafeInteger(n)) return 'must be an integer the database can store';
  if (n < min) return `must be at least ${min}`;
  if (n > max) return `must be at most ${max}`;
  return undefined;
}

/** Why an ISO-8601 date or date-time (`YYYY-MM-DD…`) has a year outside 0001–9999, or undefined. */
export function yearProblem(iso: string): string | undefined {
  const match = /^([+-]?\d{4,6})-/.exec(iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < YEAR_MIN || year > YEAR_MAX) return `the year must be between ${String(YEAR_MIN).padStart(4, '0')} and ${YEAR_MAX}`;
  return undefined;
}

/** A short excerpt of client input for an error message: at most EXCERPT_CHARS characters. */
export function excerpt(s: string, max = EXCERPT_CHARS): string {
  if (s.length <= max) return s;
  // Never cut a surrogate pair in half: the excerpt itself must be well-formed text.
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(s[end - 1] ?? '')) end--;
  return `${s.slice(0, end)}…`;
}
