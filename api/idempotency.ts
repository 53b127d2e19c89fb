import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../src/errors';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../src/platform/idempotency';
import type { AppEnv } from './context';

const REPLAYED_HEADERS = ['content-type', 'location'];

/**
 * `Idempotency-Key` on any POST: the first response (anything but a 5xx, a 429 or a no-store answer) is stored for 24 hours
 * and replayed for a repeat with the same key and body; a different body is refused (422),
 * a repeat while the first is still running gets 409.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || key === undefined) return next();
  if (key.length < 1 || key.length > 255) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 characters', { errors: [{ path: 'Idempotency-Key', message: 'length' }] });
  }
  const sql = c.var.deps.sql;
  const principal = c.var.principal ? `user:${c.var.principal.userId}` : `public:${c.var.clientIp}`;
  const path = new URL(c.req.url).pathname;
  const body = Buffer.from(await c.req.arrayBuffer());
  const requestHash = createHash('sha256')
    .update(`${c.req.method} ${path}?${new URL(c.req.url).search}\n${c.req.header('content-type') ?? ''}\n`)
    .update(body)
    .digest('hex');

  const claim = await claimIdempotencyKey(sql, { principal, key, method: c.req.method, path, requestHash });
  if (!claim.claimed) {
    const { existing } = claim;
    if (existing.requestHash !== requestHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    }
    if (existing.state !== 'done') {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed');
    }
    return c.body(existing.responseBody ?? '', existing.responseStatus as 200, {
      ...(existing.responseHeaders ?? {}),
      'idempotency-replayed': 'true',
    });
  }

  try {
    await next();
  } catch (err) {
    await releaseIdempotencyKey(sql, principal, key);
    throw err;
  }
  // onError has already turned a thrown error into c.res by now.
  const res = c.res;
  // A 5xx or a 429 says "try again": storing it would answer every retry the same. An answer that
  // must not be kept (Cache-Control: no-store, e.g. one carrying a client secret) is not stored
  // either: the key is released and a repeat runs again, idempotent by its own means.
  if (res.status >= 500 || res.status === 429 || /\bno-store\b/i.test(res.headers.get('cache-control') ?? '')) {
    await releaseIdempotencyKey(sql, principal, key);
    return;
  }
  const headers: Record<string, string> = {};
  for (const h of REPLAYED_HEADERS) {
    const v = res.headers.get(h);
    if (v) headers[h] = v;
  }
  const text = await res.clone().text();
  await completeIdempotencyKey(sql, principal, key, { status: res.status, headers, body: text });
};
