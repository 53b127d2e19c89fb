import {
  SESSION_TTL_MS,
  SIGN_IN_LINK_TTL_MS,
  SIGN_IN_LINKS_PER_WINDOW,
  SIGN_IN_WINDOW_MS,
  signInUrl,
} from '../domain/portal';
import type { Principal } from '../domain/principal';
import { addressSubject, LimitedUse } from '../domain/rate-limits';
import { generateToken, randomUrlToken } from '../domain/tokens';
import { AppError } from '../errors';
import { recordAudit } from '../repos/audit';
import {
  activeUserByEmail,
  countSignInLinks,
  insertSession,
  insertSignInLink,
  principalForSession,
  revokeSessionBySecret,
  revokeUserSessions,
  useSignInLink,
} from '../repos/portal-sessions';
import { sendNotification } from './notifications';
import { limitUse } from './rate-limits';
import type { Services } from './services';

type PortalServices = Pick<Services, 'sql' | 'mail' | 'config'>;

/**
 * Sends a sign-in link to an active user with this address. An unknown or deactivated address
 * gets no e-mail and the same answer (nobody learns who has an account); requests are limited
 * per client address by the platform's limiter and per recipient (SIGN_IN_LINKS_PER_WINDOW).
 * `origin` is where the portal is served: PUBLIC_BASE_URL, or the request's own origin on a
 * machine without one (the API refuses a request's origin in production, see api/portal).
 */
export async function requestSignInLink(s: PortalServices, input: { email: string; origin: string; clientIp: string }): Promise<void> {
  await limitUse(s, LimitedUse.PORTAL_SIGN_IN, addressSubject(input.clientIp));
  const user = await activeUserByEmail(s.sql, input.email);
  if (!user) return;
  if ((await countSignInLinks(s.sql, user.id, new Date(Date.now() - SIGN_IN_WINDOW_MS))) >= SIGN_IN_LINKS_PER_WINDOW) return;
  const token = randomUrlToken(32);
  const expiresAt = new Date(Date.now() + SIGN_IN_LINK_TTL_MS);
  const link = await s.sql.begin(async (tx) => {
    const row = await insertSignInLink(tx, { userId: user.id, token, expiresAt });
    await recordAudit(tx, { actor: 'public', entity: 'user', entityId: user.id, action: 'portal_sign_in_link', after: { linkId: row.id, expiresAt } });
    return row;
  });
  try {
    await sendNotification(s, {
      id: `portal-sign-in-${link.id}`,
      to: user.email,
      template: 'portal.sign-in',
      data: { name: user.name, link: signInUrl(input.origin, token), expiresAt: expiresAt.toISOString() },
    });
  } catch {
    throw new AppError('UNAVAILABLE', 'The sign-in link could not be e-mailed; please try again in a moment');
  }
}

/**
 * Opens a session with a sign-in link: the link is used up in the same transaction, so it opens
 * one session at most. Answers the session's secret (for the cookie; only its hash is stored).
 */
export async function openSession(s: Pick<Services, 'sql'>, token: string): Promise<{ secret: string; expiresAt: Date }> {
  return s.sql.begin(async (tx) => {
    const link = await useSignInLink(tx, token);
    if (!link) throw new AppError('NOT_FOUND', 'This sign-in link is unknown, used or expired: ask for a new one');
    const secret = generateToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    const session = await insertSession(tx, { userId: link.userId, secret, signInLinkId: link.id, expiresAt });
    await recordAudit(tx, { actor: `user:${link.userId}`, entity: 'portal_session', entityId: session.id, action: 'sign_in', after: { expiresAt } });
    return { secret, expiresAt };
  });
}

/** The caller behind a session cookie, with the role and scope their bearer token would have. */
export function sessionPrincipal(s: Pick<Services, 'sql'>, secret: string): Promise<Principal | undefined> {
  return principalForSession(s.sql, secret);
}

/** Ends this session, or every session of its user (`everywhere`). */
export async function signOut(s: Pick<Services, 'sql'>, secret: string, opts: { everywhere?: boolean } = {}): Promise<void> {
  await s.sql.begin(async (tx) => {
    const session = await revokeSessionBySecret(tx, secret);
    if (!session) return;
    const others = opts.everywhere ? await revokeUserSessions(tx, session.userId) : 0;
    await recordAudit(tx, { actor: `user:${session.userId}`, entity: 'portal_session', entityId: session.id, action: 'sign_out', after: { everywhere: !!opts.everywhere, othersEnded: others } });
  });
}

