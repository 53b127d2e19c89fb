// Calendar arithmetic for a sale, in UTC. Pure: the workflow sandbox imports it too.

const DAY_MS = 24 * 60 * 60 * 1000;
/** A subscription plan runs this many calendar days from its activation date. */
export const SALE_LENGTH_DAYS = 365;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 00:00 UTC of a `YYYY-MM-DD` date; throws on anything that is not a real calendar date. */
export function startOfDateUtc(date: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (formatDate(d) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDate(new Date(startOfDateUtc(date).getTime() + days * DAY_MS));
}

/** activationDate + 365 calendar days: 2027-03-01 → 2028-02-29 (2028 is a leap year). */
export function cancellationDateOf(activationDate: string): string {
  return addDays(activationDate, SALE_LENGTH_DAYS);
}

/** The sale becomes active at 00:00 UTC of its activation date. */
export function activationInstant(activationDate: string): Date {
  return startOfDateUtc(activationDate);
}

/** The sale ends, and every key with it, at 00:00 UTC of its cancellation date. */
export function cancellationInstant(activationDate: string): Date {
  return startOfDateUtc(cancellationDateOf(activationDate));
}

export function todayUtc(now: Date): string {
  return formatDate(now);
}

export const daysToMs = (days: number) => days * DAY_MS;
