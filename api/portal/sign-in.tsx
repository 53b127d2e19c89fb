/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { z } from 'zod';
import { openSession, requestSignInLink, signOut } from '../../src/platform/portal-sessions';
import type { AppEnv } from '../context';
import { Field, ProblemAlert } from './components';
import { attempt, formFields, parseWith, type FormProblem } from './forms';
import { PublicLayout } from './layout';
import { clearSessionCookie, portalOrigin, requireSession, sameOriginOnly, sessionSecretOf, setSessionCookie } from './session';

const SignInRequest = z.object({ email: z.email('Enter an e-mail address, like name@example.com').max(320) });

const SignInForm = (p: { email?: string; problem?: FormProblem }) => (
  <PublicLayout title="Sign in">
    <p>Enter your work e-mail address. We e-mail you a link that signs you in; it works once, for 15 minutes.</p>
    <ProblemAlert problem={p.problem} />
    <form method="post" action="/portal/sign-in" novalidate>
      <Field name="email" label="E-mail address" type="email" value={p.email} required autocomplete="email" problem={p.problem} />
      <button type="submit">E-mail me a sign-in link</button>
    </form>
  </PublicLayout>
);

/** Sign-in without passwords (docs/portal.md): a single-use link by e-mail opens a session. */
export function signInRoutes() {
  const r = new Hono<AppEnv>();
  r.use('*', sameOriginOnly({ token: false }));

  r.get('/sign-in', (c) => c.html(<SignInForm />));

  r.post('/sign-in', async (c) => {
    const fields = await formFields(c);
    const done = await attempt(async () => {
      const { email } = parseWith(SignInRequest, fields);
      await requestSignInLink(c.var.deps, { email, origin: portalOrigin(c), clientIp: c.var.clientIp() });
      return email;
    });
    if (!done.ok) return c.html(<SignInForm email={fields.email} problem={done.problem} />, done.problem.status as 400);
    // The same answer whether or not the address has an account.
    return c.html(
      <PublicLayout title="Check your e-mail">
        <p role="status">
          If <strong>{done.value}</strong> belongs to a partnerflow user, a sign-in link is on its way. It works once, for 15 minutes.
        </p>
        <p>
          <a href="/portal/sign-in">Use another address</a>
        </p>
      </PublicLayout>,
    );
  });

  // Opening the e-mailed link shows a button; only pressing it uses the link. Mail scanners that
  // open every link they see therefore never use up, or use, anyone's sign-in.
  r.get('/sign-in/:token', (c) =>
    c.html(
      <PublicLayout title="Sign in to the Partner Portal">
        <form method="post" action="/portal/session">
          <input type="hidden" name="token" value={c.req.param('token')} />
          <button type="submit">Sign in</button>
        </form>
      </PublicLayout>,
    ),
  );

  r.post('/session', async (c) => {
    const { token = '' } = await formFields(c);
    const opened = await attempt(() => openSession(c.var.deps, token.slice(0, 200)));
    if (!opened.ok) {
      return c.html(
        <PublicLayout title="This link does not work">
          <ProblemAlert problem={opened.problem} />
          <p>
            <a href="/portal/sign-in">Ask for a new sign-in link</a>
          </p>
        </PublicLayout>,
        opened.problem.status as 404,
      );
    }
    setSessionCookie(c, opened.value.secret, opened.value.expiresAt);
    return c.redirect('/portal', 303);
  });

  return r;
}

/** Sign-out ends the session in the database, not only in this browser; "everywhere" ends all of the user's. */
export function signOutRoutes() {
  const r = new Hono<AppEnv>();
  r.use('*', requireSession, sameOriginOnly({ token: true }));
  r.post('/sign-out', async (c) => {
    const { everywhere } = await formFields(c);
    const secret = sessionSecretOf(c);
    if (secret) await signOut(c.var.deps, secret, { everywhere: everywhere === 'on' || everywhere === 'true' });
    clearSessionCookie(c);
    return c.html(
      <PublicLayout title="Signed out">
        <p role="status">You are signed out.</p>
        <p>
          <a href="/portal/sign-in">Sign in again</a>
        </p>
      </PublicLayout>,
    );
  });
  return r;
}

