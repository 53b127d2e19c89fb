// How a webhook delivery is retried (docs/events.md). Pure and sandbox-safe: the delivery workflow
// imports it, so it imports nothing.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The wait before each attempt after the previous one failed: attempt 1 at once, attempt 2 five
 * seconds after attempt 1, … attempt 10 a day after attempt 9 (about three days and four hours in all).
 */
export const RETRY_SCHEDULE_MS = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR] as const;

export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;

/** Each attempt gets 15 seconds to answer (connecting, sending and the status line with headers). */
export const ATTEMPT_TIMEOUT_MS = 15 * SECOND;

/** Each scheduled wait is moved by up to ±10 %, so retries of many deliveries do not arrive together. */
export const JITTER = 0.1;

/** A `Retry-After` longer than this is cut to it: a receiver cannot park a delivery for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

/**
 * The wait before attempt `attempt` (2…10) with jitter; `random` in [0, 1) (the workflow's
 * deterministic Math.random). Attempt 1 is never delayed.
 */
export function scheduledDelay(attempt: number, random: number): number {
  const base = RETRY_SCHEDULE_MS[attempt - 1];
  if (base === undefined) throw new RangeError(`attempt ${attempt} is not between 1 and ${MAX_ATTEMPTS}`);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

/** What an attempt's answer means for the delivery. */
export type AttemptOutcome = 'succeeded' | 'retry' | 'failed' | 'gone';

/** 2xx delivered it; 410 says the endpoint is gone for good (it is disabled); anything else is tried again. */
export function classifyStatus(status: number): 'succeeded' | 'gone' | 'retry' {
  if (status >= 200 && status < 300) return 'succeeded';
  if (status === 410) return 'gone';
  return 'retry';
}

/** The answers whose `Retry-After` is honoured. */
export const honoursRetryAfter = (status: number) => status === 429 || status === 503;

/**
 * `Retry-After` as milliseconds from `nowMs`: delta-seconds or an HTTP date (RFC 9110 §10.2.3);
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * SECOND;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * The wait before the next attempt: the schedule's, or longer when the receiver asked for more
 * with `Retry-After` (on 429 or 503), at most a day. Never sooner than the schedule.
 */
export function nextDelay(scheduledMs: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs === undefined) return scheduledMs;
  return Math.max(scheduledMs, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}
