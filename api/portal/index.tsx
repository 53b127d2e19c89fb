/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { AppError } from '../../src/errors';
import type { AppEnv } from '../context';
import type { Router } from '../router';
import { registerCheckoutReturn } from './allotments/index';
import { assetRoutes } from './assets';
import { problemOf } from './forms';
import { oncePerForm } from './once';
import { PublicLayout } from './layout';
import { registerScreens } from './screens';
import { requireSession, sameOriginOnly } from './session';
import { signInRoutes, signOutRoutes } from './sign-in';

// Pages hold an organization's data: never cached, never framed, no referrer to other sites (a
// sign-in link's secret is in its path), scripts and styles only from this app. (`no-referrer`
// would make Chromium send `Origin: null` with the portal's own forms.)
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** The Partner Portal (docs/portal.md): server-rendered pages under /portal on the API's own app. */
export function registerPortal(app: Router) {
  const portal = new Hono<AppEnv>();
  portal.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(PAGE_HEADERS)) c.res.headers.set(k, v);
    if (!c.req.path.startsWith('/portal/assets/')) c.res.headers.set('cache-control', 'no-store');
  });
  portal.route('/', assetRoutes());
  portal.route('/', signInRoutes());
  portal.route('/', signOutRoutes());

  const screens = new Hono<AppEnv>();
  screens.use('*', requireSession, sameOriginOnly({ token: true }), oncePerForm);
  registerScreens(screens);
  screens.all('*', () => {
    throw new AppError('NOT_FOUND', 'There is no such page in the portal');
  });
  portal.route('/', screens);

  // A failed page shows the problem's detail (a product error) or hides it (anything else, logged), as the API does.
  portal.onError((err, c) => {
    let problem;
    try {
      problem = problemOf(err);
    } catch {
      c.var.log.error({ err }, 'portal page failed');
      problem = { title: 'Something went wrong', detail: `Please try again. If it keeps failing, quote request ${c.var.requestId}.`, status: 500 };
    }
    if (c.req.header('hx-request')) {
      return c.html(
        <div class="problem" role="alert">
          <strong>{problem.title}</strong> {problem.detail}
        </div>,
        problem.status as 400,
      );
    }
    return c.html(
      <PublicLayout title={problem.title}>
        <div class="problem" role="alert">
          {problem.detail}
        </div>
        <p>
          <a href="/portal">Back to the portal</a>
        </p>
      </PublicLayout>,
      problem.status as 400,
    );
  });
  app.route('/portal', portal);
  // Where Stripe Checkout sends a buyer back (docs/allotments.md): the portal's page of the purchase.
  registerCheckoutReturn(app);
}
