import type { Db } from '../db/connect';
import type { Principal, Role } from '../domain/principal';
import { hashToken } from '../domain/tokens';
import { inScope } from './scope';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
  createdAt: Date;
  /** False once deactivated: the user's tokens stop working until a reactivation. */
  active: boolean;
  deactivatedAt: Date | null;
}

const userColumns = (sql: Db) => sql`u.id, u.email, u.name, u.role, u.organization_id, u.created_at, u.deactivated_at is null as active, u.deactivated_at`;

export async function insertUser(
  sql: Db,
  input: { email: string; name: string; role: Role; organizationId?: string | null },
): Promise<User> {
  const [row] = await sql<User[]>`
    insert into users as u (email, name, role, organization_id)
    values (${input.email}, ${input.name}, ${input.role}, ${input.organizationId ?? null})
    returning ${userColumns(sql)}`;
  return row!;
}

export async function findUser(sql: Db, principal: Principal, id: string, opts: { forUpdate?: boolean } = {}): Promise<User | undefined> {
  const [row] = await sql<User[]>`
    select ${userColumns(sql)} from users u
    where u.id = ${id} and (u.id = ${principal.userId} or ${inScope(sql, principal, 'u.organization_id')})
    ${opts.forUpdate ? sql`for update of u` : sql``}`;
  return row;
}

export async function listUsers(sql: Db, principal: Principal, page: { after?: string; limit: number }): Promise<User[]> {
  return sql<User[]>`
    select ${userColumns(sql)} from users u
    where ${inScope(sql, principal, 'u.organization_id')}
      ${page.after ? sql`and u.id > ${page.after}` : sql``}
    order by u.id limit ${page.limit}`;
}

export async function countUsers(sql: Db): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
  return row!.n;
}

export interface TokenRow {
  id: string;
  userId: string;
  name: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function insertToken(sql: Db, userId: string, token: string, name?: string | null): Promise<TokenRow> {
  const [row] = await sql<TokenRow[]>`
    insert into api_tokens (user_id, name, token_hash) values (${userId}, ${name ?? null}, ${hashToken(token)})
    returning id, user_id, name, created_at, revoked_at`;
  return row!;
}

export async function findToken(sql: Db, id: string): Promise<TokenRow | undefined> {
  const [row] = await sql<TokenRow[]>`select id, user_id, name, created_at, revoked_at from api_tokens where id = ${id}`;
  return row;
}

export async function revokeToken(sql: Db, id: string): Promise<void> {
  await sql`update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = ${id}`;
}

/**
 * The caller behind a bearer secret, or nothing when unknown, revoked, or its user is
 * deactivated. `last_used_at` is written at most once a minute per token: writing it on every
 * request made every request a commit, and made concurrent requests with one token queue on its row.
 */
export async function principalForToken(sql: Db, token: string): Promise<Principal | undefined> {
  const [row] = await sql<Principal[]>`
    with caller as (
      select t.id as token_id, t.last_used_at, u.id as user_id, u.role, u.organization_id, u.email, u.name
      from api_tokens t join users u on u.id = t.user_id
      where t.token_hash = ${hashToken(token)} and t.revoked_at is null and u.deactivated_at is null
    ), touched as (
      update api_tokens set last_used_at = now()
      where id = (select token_id from caller where last_used_at is null or last_used_at < now() - interval '1 minute')
    )
    select user_id, token_id, role, organization_id, email, name from caller`;
  return row;
}

export async function organizationOfUser(sql: Db, userId: string): Promise<string | null> {
  const [row] = await sql<{ organizationId: string | null }[]>`select organization_id from users where id = ${userId}`;
  return row?.organizationId ?? null;
}

/**
 * Locks every active admin (in id order, so concurrent callers queue instead of deadlocking) and
 * answers their ids: whoever deactivates or demotes an admin holds this until they commit, so two
 * requests can never each leave the other as the last one.
 */
export async function lockActiveAdmins(sql: Db): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id from users where role = 'admin' and deactivated_at is null order by id for update`;
  return rows.map((r) => r.id);
}

export type UserChange = Partial<{ name: string; role: Role; organizationId: string | null }>;

export async function updateUser(sql: Db, id: string, change: UserChange): Promise<void> {
  const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await sql`update users set ${sql(set as Record<string, never>)} where id = ${id}`;
}

/** Deactivates (by `by`) or reactivates (`by` null) a user; a repeat changes nothing. */
export async function setUserDeactivated(sql: Db, id: string, by: string | null): Promise<void> {
  if (by) await sql`update users set deactivated_at = now(), deactivated_by = ${by} where id = ${id} and deactivated_at is null`;
  else await sql`update users set deactivated_at = null, deactivated_by = null where id = ${id} and deactivated_at is not null`;
}

export interface TokenListRow extends TokenRow {
  lastUsedAt: Date | null;
}

/** A user's tokens (never their secrets, which are not stored): newest ids last, by id. */
export async function listTokens(sql: Db, userId: string, page: { after?: string; limit: number }): Promise<TokenListRow[]> {
  return sql<TokenListRow[]>`
    select id, user_id, name, created_at, last_used_at, revoked_at from api_tokens
    where user_id = ${userId} ${page.after ? sql`and id > ${page.after}` : sql``}
    order by id limit ${page.limit}`;
}
