import {
  addressSubject,
  FAILED_LOOKUP,
  guessingRefused,
  RATE_WINDOW_SECONDS,
  useLabel,
  withinUseLimit,
  type LimitedUse,
} from '../domain/rate-limits';
import { AppError } from '../errors';
import { countHit, currentHits } from '../repos/rate-limits';
import type { Services } from './services';

type Limiter = Pick<Services, 'sql' | 'config'>;

/** 429 with the seconds to wait, which the API also answers as Retry-After. */
const rateLimited = (detail: string, retryAfter: number) => new AppError('RATE_LIMITED', detail, { retryAfter });

/**
 * Guessing is throttled per client address: once an address has failed
 * RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE lookups (unknown token, code, key, group or claim, wrong
 * verification code) in the current minute, every public lookup from it is refused until the
 * minute ends, so valid guesses cannot be told from invalid ones meanwhile.
 */
export async function refuseWhileGuessing(s: Limiter, clientIp: string): Promise<void> {
  const now = await currentHits(s.sql, FAILED_LOOKUP, addressSubject(clientIp), RATE_WINDOW_SECONDS);
  if (guessingRefused(now.hits, s.config.RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE)) {
    throw rateLimited('Too many unknown links, codes or keys came from your address; try again when the minute is over', now.retryAfterSeconds);
  }
}

/** One failed lookup from this address. */
export async function recordFailedLookup(s: Pick<Services, 'sql'>, clientIp: string): Promise<void> {
  await countHit(s.sql, FAILED_LOOKUP, addressSubject(clientIp), RATE_WINDOW_SECONDS);
}

/**
 * One use of a valid credential (a share link, code, key, group or claim), from any address:
 * allowed up to RATE_LIMIT_USES_PER_MINUTE a minute, or up to what the credential itself allows
 * if that is more (a shared code's redemptions, a share link's available responses). `allows` is
 * asked only once the base is passed, so the common case costs one statement.
 */
export async function limitUse(s: Limiter, use: LimitedUse, id: string, allows?: number | (() => Promise<number>)): Promise<void> {
  const { hits, retryAfterSeconds } = await countHit(s.sql, use, id, RATE_WINDOW_SECONDS);
  const base = s.config.RATE_LIMIT_USES_PER_MINUTE;
  if (withinUseLimit(hits, base)) return;
  const allowance = typeof allows === 'function' ? await allows() : (allows ?? 0);
  if (withinUseLimit(hits, base, allowance)) return;
  throw rateLimited(`This ${useLabel[use]} was used too often in the last minute; try again when the minute is over`, retryAfterSeconds);
}
