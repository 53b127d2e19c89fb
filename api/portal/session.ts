import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrfTokenFor, sessionCookieName } from '../../src/domain/portal';
import { AppError } from '../../src/errors';
import { sessionPrincipal } from '../../src/platform/portal-sessions';
import type { AppEnv } from '../context';

/**
 * Whether the portal is reached over https: PUBLIC_BASE_URL says so, or the request itself came
 * over TLS. The cookie is then Secure (and `__Host-` prefixed).
 */
export function isHttps(c: Context<AppEnv>): boolean {
  const base = c.var.deps.config.PUBLIC_BASE_URL;
  if (base) return base.startsWith('https:');
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * Where the portal is served, for the links it e-mails: PUBLIC_BASE_URL's origin. Without it the
 * request's own origin is used only for a loopback host (a developer's `npm start`): anywhere
 * else the Host header is the caller's to choose, and a link built from it could point a user's
 * sign-in secret at another site.
 */
export function portalOrigin(c: Context<AppEnv>): string {
  const base = c.var.deps.config.PUBLIC_BASE_URL;
  if (base) return new URL(base).origin;
  const url = new URL(c.req.url);
  if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return url.origin;
  throw new AppError('UNAVAILABLE', 'The portal cannot send sign-in links until PUBLIC_BASE_URL is set');
}

export function setSessionCookie(c: Context<AppEnv>, secret: string, expiresAt: Date): void {
  const secure = isHttps(c);
  setCookie(c, sessionCookieName(secure), secret, { path: '/', httpOnly: true, sameSite: 'Lax', secure, expires: expiresAt });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = isHttps(c);
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}

export function sessionSecretOf(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(isHttps(c))) || undefined;
}

/**
 * Every portal page past sign-in: the cookie's session resolves to a principal exactly as a
 * bearer token would (same role, same organization, same scope rules in every service); without
 * a valid one the browser is sent to sign in.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const secret = sessionSecretOf(c);
  const principal = secret ? await sessionPrincipal(c.var.deps, secret) : undefined;
  if (!secret || !principal) {
    if (secret) clearSessionCookie(c);
    if (c.req.header('hx-request')) return c.body(null, 401, { 'hx-redirect': '/portal/sign-in' });
    return c.redirect('/portal/sign-in', 303);
  }
  c.set('principal', principal);
  c.set('portal', { secret, csrf: csrfTokenFor(secret) });
  c.set('log', c.var.log.child({ userId: principal.userId }));
  await next();
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: a state-changing request must come from a portal page. The browser
 * says where a request comes from (Sec-Fetch-Site, Origin): another site is refused. Past sign-in
 * the request must also carry the session's anti-forgery token (a form's `_csrf` field or htmx's
 * `x-csrf-token` header), which another site cannot read.
 */
export function sameOriginOnly(opts: { token: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('FORBIDDEN', 'This form was sent from another site');
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && origin !== (c.var.deps.config.PUBLIC_BASE_URL && new URL(c.var.deps.config.PUBLIC_BASE_URL).origin)) {
      throw new AppError('FORBIDDEN', 'This form was sent from another site');
    }
    if (opts.token) {
      const expected = c.var.portal?.csrf;
      const sent = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
      if (!expected || sent !== expected) throw new AppError('FORBIDDEN', 'This form has expired or was not sent from the portal; reload the page and try again');
    }
    await next();
  };
}

async function formField(c: Context<AppEnv>, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)) return undefined;
  const body = await c.req.parseBody();
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}
