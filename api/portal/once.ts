import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../src/errors';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../../src/platform/idempotency';
import type { AppEnv } from '../context';

const ONCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A form sent twice (a double click, a browser resubmitting after a dropped answer) acts once:
 * every portal form carries a one-time `_once` id (components.tsx `Csrf`), claimed in the API's
 * own Idempotency-Key store under the signed-in user. The first submission runs; a repeat while
 * it runs is refused, and a repeat after it is sent where the first one's answer went (its 303).
 * Only such redirects are kept: an answer re-showing a refused form, or a page carrying a secret
 * (a new share link's URL), is not stored, and a repeat of it runs again. htmx requests (live
 * previews inside a form) are left alone.
 */
export const oncePerForm: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST' || c.req.header('hx-request')) return next();
  const type = c.req.header('content-type') ?? '';
  if (!/multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)) return next();
  const once = (await c.req.parseBody())._once;
  const principal = c.var.principal;
  if (typeof once !== 'string' || !ONCE.test(once) || !principal) return next();

  const sql = c.var.deps.sql;
  const who = `user:${principal.userId}`;
  const key = `portal-form:${once}`;
  const path = new URL(c.req.url).pathname;
  const claim = await claimIdempotencyKey(sql, { principal: who, key, method: 'POST', path, requestHash: path });
  if (!claim.claimed) {
    const location = claim.existing.state === 'done' ? claim.existing.responseHeaders?.location : undefined;
    if (location) return c.redirect(location, 303);
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'This form was already sent and is still being handled: wait for its answer, then reload the page');
  }
  try {
    await next();
  } catch (err) {
    await releaseIdempotencyKey(sql, claim.owner, who, key);
    throw err;
  }
  const location = c.res.status === 303 ? c.res.headers.get('location') : null;
  if (location) await completeIdempotencyKey(sql, claim.owner, who, key, { status: 303, headers: { location }, body: '' });
  else await releaseIdempotencyKey(sql, claim.owner, who, key);
};
