import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';
import { hashToken } from '../domain/tokens';

export interface PortalUser {
  id: string;
  email: string;
  name: string;
}

/** An active user by e-mail address (case-insensitive), or nothing. */
export async function activeUserByEmail(sql: Db, email: string): Promise<PortalUser | undefined> {
  const [row] = await sql<PortalUser[]>`
    select id, email, name from users where lower(email) = lower(${email}) and deactivated_at is null`;
  return row;
}

/** Links sent to a user since `since`. */
export async function countSignInLinks(sql: Db, userId: string, since: Date): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from portal_sign_in_links where user_id = ${userId} and created_at >= ${since}`;
  return row!.n;
}

export async function insertSignInLink(sql: Db, input: { userId: string; token: string; expiresAt: Date }): Promise<{ id: string }> {
  const [row] = await sql<{ id: string }[]>`
    insert into portal_sign_in_links (user_id, token_hash, expires_at)
    values (${input.userId}, ${hashToken(input.token)}, ${input.expiresAt}) returning id`;
  return row!;
}

/**
 * Uses a link: marks it used and answers it, if it is unused, unexpired and its user active. A
 * second use, even a concurrent one, finds it used (the update takes the row).
 */
export async function useSignInLink(sql: Db, token: string): Promise<{ id: string; userId: string } | undefined> {
  const [row] = await sql<{ id: string; userId: string }[]>`
    update portal_sign_in_links l set used_at = now()
    from users u
    where l.token_hash = ${hashToken(token)} and l.used_at is null and l.expires_at > now()
      and u.id = l.user_id and u.deactivated_at is null
    returning l.id, l.user_id`;
  return row;
}

export async function insertSession(sql: Db, input: { userId: string; secret: string; signInLinkId: string; expiresAt: Date }): Promise<{ id: string }> {
  const [row] = await sql<{ id: string }[]>`
    insert into portal_sessions (user_id, session_hash, sign_in_link_id, expires_at)
    values (${input.userId}, ${hashToken(input.secret)}, ${input.signInLinkId}, ${input.expiresAt}) returning id`;
  return row!;
}

/**
 * The caller behind a session secret, exactly as their bearer token would resolve them (role,
 * organization), or nothing when it is unknown, expired, revoked, or its user deactivated. The
 * principal's `tokenId` is the session's id.
 */
export async function principalForSession(sql: Db, secret: string): Promise<Principal | undefined> {
  const [row] = await sql<Principal[]>`
    with s as (
      select s.id, s.last_seen_at from portal_sessions s join users u on u.id = s.user_id
      where s.session_hash = ${hashToken(secret)} and s.revoked_at is null and s.expires_at > now() and u.deactivated_at is null
    ), touched as (
      update portal_sessions set last_seen_at = now()
      where id = (select id from s where last_seen_at < now() - interval '1 minute')
    )
    select u.id as user_id, s.id as token_id, u.role, u.organization_id, u.email, u.name
    from s join portal_sessions ps on ps.id = s.id join users u on u.id = ps.user_id`;
  return row;
}

/** Ends a session; a repeat changes nothing. */
export async function revokeSessionBySecret(sql: Db, secret: string): Promise<{ id: string; userId: string } | undefined> {
  const [row] = await sql<{ id: string; userId: string }[]>`
    update portal_sessions set revoked_at = now() where session_hash = ${hashToken(secret)} and revoked_at is null returning id, user_id`;
  return row;
}

/** Ends every open session of a user (sign out everywhere). */
export async function revokeUserSessions(sql: Db, userId: string): Promise<number> {
  const rows = await sql`update portal_sessions set revoked_at = now() where user_id = ${userId} and revoked_at is null returning id`;
  return rows.length;
}
