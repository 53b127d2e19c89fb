import type { MiddlewareHandler } from 'hono';
import { AppError } from '../src/errors';
import { recordFailedLookup, refuseWhileGuessing } from '../src/platform/rate-limits';
import type { AppEnv } from './context';

/**
 * Every public path (`/v1/public/*`): an address that keeps presenting unknown tokens, codes,
 * keys, groups or claims is refused 429 for the rest of the minute (counted in PostgreSQL, so
 * every API replica agrees). A failed lookup is a 404, or a wrong verification code. Use of a
 * valid link or code is limited per link or code by the services (src/platform/rate-limits.ts).
 */
export const throttleGuessing: MiddlewareHandler<AppEnv> = async (c, next) => {
  await refuseWhileGuessing(c.var.deps, c.var.clientIp());
  await next();
  const wrongCode = c.error instanceof AppError && c.error.code === 'VERIFICATION_FAILED';
  if (c.res.status === 404 || wrongCode) await recordFailedLookup(c.var.deps, c.var.clientIp());
};
