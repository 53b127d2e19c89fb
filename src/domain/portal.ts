// The Partner Portal's sign-in and session rules. Pure.
import { createHash } from 'node:crypto';

/** A sign-in link works this long after it was sent, and once. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** A session ends this long after it started, whatever happens meanwhile; sign in again then. */
export const SESSION_TTL_MS = 12 * 3600_000;
/** At most this many sign-in links are sent to one address in SIGN_IN_WINDOW_MS. */
export const SIGN_IN_LINKS_PER_WINDOW = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** The session cookie's name. `__Host-` binds it to this host and path `/` when it is Secure. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-pf_portal' : 'pf_portal');

/**
 * The anti-forgery token of a session: derived from the session's secret, so a page of another
 * site, which cannot read the cookie, cannot know it; and nothing more is stored.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHash('sha256').update(`partnerflow-portal-csrf\0${sessionSecret}`, 'utf8').digest('base64url');
}

/** The sign-in link a user is sent: the portal's origin and the link's secret. */
export function signInUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/portal/sign-in/${encodeURIComponent(token)}`;
}
