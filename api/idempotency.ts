import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../src/errors';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../src/platform/idempotency';
import type { AppEnv } from './context';
import { assertStorableText, MAX_DEPTH } from './input';
import { problemBody } from './problem';

const REPLAYED_HEADERS = ['content-type', 'location'];

/**
 * How an answer that carries a secret is kept for replays: the idempotency store never holds a
 * secret (docs/security.md). `without`: the replay answers the same status and body with the
 * secret fields set to null (the client reads the secret again elsewhere, e.g. GET the purchase).
 * `refuse`: the secret was shown once and exists nowhere else, so the replay answers 409
 * IDEMPOTENCY_SECRET_WITHHELD naming what the first request created.
 */
export type Withheld =
  | { fields: string[]; replay: 'without' }
  | { fields: string[]; replay: 'refuse'; detail: string; id: string };

/** Marks the secret fields of this request's answer so a replay never hands them out again. */
export function withholdOnReplay(c: Context<AppEnv>, withheld: Withheld): void {
  c.set('withheld', withheld);
}

/**
 * The request as the key is bound to: method, path, query (parameters sorted) and body. A JSON
 * body is compared parsed, keys sorted, so the same JSON with its keys in another order or other
 * white space is the same request; any other body is compared byte for byte.
 */
function requestHash(c: Context<AppEnv>, path: string, body: Buffer): string {
  const url = new URL(c.req.url);
  const query = [...url.searchParams.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const hash = createHash('sha256').update(`${c.req.method} ${path}?${new URLSearchParams(query).toString()}\n${mediaType}\n`);
  const canonical = /json/.test(mediaType) ? canonicalJson(body) : undefined;
  return hash.update(canonical ?? body).digest('hex');
}

/**
 * The byte-for-byte hash keys were bound to before JSON was compared parsed. Records stored with it
 * (at most 24 hours old) still replay for the same bytes instead of being refused as another request.
 */
function legacyRequestHash(c: Context<AppEnv>, path: string, body: Buffer): string {
  return createHash('sha256')
    .update(`${c.req.method} ${path}?${new URL(c.req.url).search}\n${c.req.header('content-type') ?? ''}\n`)
    .update(body)
    .digest('hex');
}

/** JSON with object keys sorted at every level, or undefined when the body is not (shallow enough) JSON. */
function canonicalJson(body: Buffer): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const write = (v: unknown, depth: number): string => {
    if (depth > MAX_DEPTH) throw new RangeError('too deep');
    if (Array.isArray(v)) return `[${v.map((x) => write(x, depth + 1)).join(',')}]`;
    if (v && typeof v === 'object') {
      const keys = Object.keys(v).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], depth + 1)}`).join(',')}}`;
    }
    return JSON.stringify(v);
  };
  try {
    return write(value, 0);
  } catch {
    return undefined;
  }
}

/** The answer to keep for replays: the answer itself, or what `withheld` says to keep instead. */
function storedAnswer(c: Context<AppEnv>, status: number, headers: Record<string, string>, text: string) {
  const withheld = c.var.withheld;
  if (!withheld || status >= 300) return { status, headers, body: text };
  if (withheld.replay === 'refuse') {
    const problem = new AppError('IDEMPOTENCY_SECRET_WITHHELD', withheld.detail, { id: withheld.id });
    return {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify(problemBody(problem, new URL(c.req.url).pathname, c.var.requestId)),
    };
  }
  const body = JSON.parse(text) as Record<string, unknown>;
  for (const field of withheld.fields) if (field in body) body[field] = null;
  return { status, headers, body: JSON.stringify(body) };
}

/**
 * `Idempotency-Key` on any POST: the first response (anything but a 5xx, a 429 or a no-store answer) is stored for 24 hours
 * and replayed for a repeat with the same key and request; a different request is refused (422),
 * a repeat while the first is still running gets 409, unless the process running it has died (its
 * owner lock is gone): then the repeat takes the claim over and runs. Secrets are never stored (withholdOnReplay).
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || key === undefined) return next();
  if (key.length < 1 || key.length > 255) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 characters', { errors: [{ path: 'Idempotency-Key', message: 'length' }] });
  }
  assertStorableText(key, 'Idempotency-Key');
  const sql = c.var.deps.sql;
  const principal = c.var.principal ? `user:${c.var.principal.userId}` : `public:${c.var.clientIp()}`;
  const path = new URL(c.req.url).pathname;
  const body = Buffer.from(await c.req.arrayBuffer());
  const hash = requestHash(c, path, body);

  const claim = await claimIdempotencyKey(sql, { principal, key, method: c.req.method, path, requestHash: hash });
  if (!claim.claimed) {
    const { existing } = claim;
    if (existing.requestHash !== hash && existing.requestHash !== legacyRequestHash(c, path, body)) {
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

  const { owner } = claim;
  try {
    await next();
  } catch (err) {
    await releaseIdempotencyKey(sql, owner, principal, key);
    throw err;
  }
  // onError has already turned a thrown error into c.res by now.
  const res = c.res;
  // A 5xx or a 429 says "try again": storing it would answer every retry the same. An answer that
  // must not be kept (Cache-Control: no-store, e.g. one carrying a client secret) is not stored
  // either: the key is released and a repeat runs again, idempotent by its own means.
  if (res.status >= 500 || res.status === 429 || /\bno-store\b/i.test(res.headers.get('cache-control') ?? '')) {
    await releaseIdempotencyKey(sql, owner, principal, key);
    return;
  }
  const headers: Record<string, string> = {};
  for (const h of REPLAYED_HEADERS) {
    const v = res.headers.get(h);
    if (v) headers[h] = v;
  }
  await completeIdempotencyKey(sql, owner, principal, key, storedAnswer(c, res.status, headers, await res.clone().text()));
};
