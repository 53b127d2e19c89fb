import type { Db } from '../db/connect';
import { actorOf, type Principal, type Role } from '../domain/principal';
import { generateToken } from '../domain/tokens';
import { adminOnlyFieldsIn, LAST_ADMIN, leavesActiveAdmins, membershipProblem, userPatchRefusal, type UserPatch } from '../domain/users';
import { AppError, forbidden, notFound } from '../errors';
import { linkUserAssessments, replaceUserAssessments, userAssessmentIds } from '../repos/allotments/assessments';
import { recordAudit } from '../repos/audit';
import { findOrganization } from '../repos/organizations';
import {
  findToken,
  findUser,
  insertToken,
  insertUser,
  listTokens as readTokens,
  listUsers as readUsers,
  lockActiveAdmins,
  organizationOfUser,
  revokeToken as markRevoked,
  setUserDeactivated,
  updateUser as writeUser,
  type TokenListRow,
  type User,
} from '../repos/users';
import type { Services } from './services';

export type { TokenListRow, User, UserPatch };

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  organizationId?: string;
  assessmentIds?: string[];
}

const invalid = (path: string, detail: string, message: string) => new AppError('VALIDATION_FAILED', detail, { errors: [{ path, message }] });

/** Admin only. Managers belong to an organization, admins to none; assessment links must exist. */
export async function createUser(s: Pick<Services, 'sql'>, p: Principal, input: UserInput): Promise<User & { assessmentIds: string[] }> {
  if (input.role === 'manager' && !input.organizationId) throw invalid('organizationId', 'A manager needs an organizationId', 'required for managers');
  if (input.role === 'admin' && input.organizationId) throw invalid('organizationId', 'An admin belongs to no organization', 'not for admins');
  return s.sql.begin(async (tx) => {
    if (input.organizationId && !(await findOrganization(tx, p, input.organizationId))) throw notFound('Organization');
    const created = await insertUser(tx, input);
    const assessmentIds = input.assessmentIds ?? [];
    const unknown = await linkUserAssessments(tx, created.id, assessmentIds);
    if (unknown.length) throw invalid('assessmentIds', `Unknown assessment(s): ${unknown.join(', ')}`, 'unknown assessment');
    const result = { ...created, assessmentIds };
    await recordAudit(tx, { actor: actorOf(p), entity: 'user', entityId: created.id, action: 'create', organizationId: created.organizationId, after: result });
    return result;
  });
}

export function listUsers(s: Pick<Services, 'sql'>, p: Principal, q: { after?: string; limit: number }): Promise<User[]> {
  return readUsers(s.sql, p, q);
}

/** Admins for anyone, everyone for themselves. The secret is answered once and stored as a hash. */
export async function createToken(s: Pick<Services, 'sql'>, p: Principal, userId: string, name?: string) {
  if (p.role !== 'admin' && p.userId !== userId) throw forbidden('You may create tokens only for yourself');
  const secret = generateToken();
  const row = await s.sql.begin(async (tx) => {
    const user = await findUser(tx, p, userId);
    if (!user) throw notFound('User');
    if (!user.active) throw new AppError('CONFLICT', 'The user is deactivated: reactivate them first (POST /v1/users/{id}/reactivate)');
    const token = await insertToken(tx, userId, secret, name);
    await recordAudit(tx, { actor: actorOf(p), entity: 'token', entityId: token.id, action: 'create', organizationId: user.organizationId, after: { userId, name: token.name } });
    return token;
  });
  return { id: row.id, token: secret, name: row.name, userId: row.userId, createdAt: row.createdAt };
}

/** Revokes at once. Admins for anyone, everyone for their own tokens; others' tokens are not found. */
export async function revokeToken(s: Pick<Services, 'sql'>, p: Principal, tokenId: string): Promise<void> {
  await s.sql.begin(async (tx) => {
    const token = await findToken(tx, tokenId);
    if (!token || (p.role !== 'admin' && token.userId !== p.userId)) throw notFound('Token');
    await markRevoked(tx, tokenId);
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'token', entityId: tokenId, action: 'revoke',
      organizationId: await organizationOfUser(tx, token.userId), before: { revokedAt: token.revokedAt },
    });
  });
}

export type UserDetail = User & { assessmentIds: string[] };

const detail = async (sql: Db, user: User): Promise<UserDetail> => ({ ...user, assessmentIds: await userAssessmentIds(sql, user.id) });

/** The user in the caller's scope (themselves included), locked until the transaction ends; else 404. */
async function lockUser(tx: Db, p: Principal, id: string): Promise<User> {
  const user = await findUser(tx, p, id, { forUpdate: true });
  if (!user) throw notFound('User');
  return user;
}

/** Refuses a change that would leave no active admin; holds the active admins locked until commit. */
async function keepAnAdmin(tx: Db, before: User, after: { role: Role; active: boolean }): Promise<void> {
  if (!leavesActiveAdmins(before, after)) return;
  const admins = await lockActiveAdmins(tx);
  if (admins.filter((id) => id !== before.id).length === 0) throw new AppError('CONFLICT', LAST_ADMIN);
}

/**
 * Changes a user's name, role, organization and assessment links. Admins change anyone (in
 * scope: everyone); everybody else only their own name (403 naming the fields otherwise). The new
 * role and organization must fit together, the organization exist, the assessments exist; the
 * last active admin keeps the role. Takes effect on the user's next request, tokens unchanged.
 */
export async function updateUser(s: Pick<Services, 'sql'>, p: Principal, id: string, patch: UserPatch): Promise<UserDetail> {
  const refusal = userPatchRefusal(p, id, patch);
  if (refusal) throw new AppError('FORBIDDEN', refusal, { fields: adminOnlyFieldsIn(patch) });
  return s.sql.begin(async (tx) => {
    const before = await lockUser(tx, p, id);
    const role = patch.role ?? before.role;
    const organizationId = patch.organizationId === undefined ? before.organizationId : patch.organizationId;
    const problem = membershipProblem(role, organizationId);
    if (problem) throw invalid(problem.path, problem.detail, problem.message);
    if (patch.organizationId && !(await findOrganization(tx, p, patch.organizationId))) throw notFound('Organization');
    await keepAnAdmin(tx, before, { role, active: before.active });
    const beforeDetail = await detail(tx, before);
    await writeUser(tx, id, { name: patch.name, role: patch.role, organizationId: patch.organizationId });
    if (patch.assessmentIds) {
      const unknown = await replaceUserAssessments(tx, id, [...new Set(patch.assessmentIds)]);
      if (unknown.length) throw invalid('assessmentIds', `Unknown assessment(s): ${unknown.join(', ')}`, 'unknown assessment');
    }
    const after = await detail(tx, (await findUser(tx, p, id)) ?? { ...before, role, organizationId, name: patch.name ?? before.name });
    const changed = (Object.keys(patch) as (keyof UserPatch)[]).filter((k) => JSON.stringify(beforeDetail[k]) !== JSON.stringify(after[k]));
    if (changed.length) {
      await recordAudit(tx, {
        actor: actorOf(p), entity: 'user', entityId: id, action: 'update', organizationId: after.organizationId ?? before.organizationId,
        before: Object.fromEntries(changed.map((k) => [k, beforeDetail[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    }
    return after;
  });
}

/**
 * Admin only. Deactivated, the user's tokens answer 401 from the next request on (the token lookup
 * checks the user), and nothing else of theirs changes. A repeat answers the user as it is; the
 * last active admin cannot be deactivated (409).
 */
export async function deactivateUser(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<UserDetail> {
  return setActive(s, p, id, false);
}

/** Admin only. The user's tokens that were not revoked work again. */
export async function reactivateUser(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<UserDetail> {
  return setActive(s, p, id, true);
}

async function setActive(s: Pick<Services, 'sql'>, p: Principal, id: string, active: boolean): Promise<UserDetail> {
  return s.sql.begin(async (tx) => {
    const before = await lockUser(tx, p, id);
    if (before.active !== active) {
      await keepAnAdmin(tx, before, { role: before.role, active });
      await setUserDeactivated(tx, id, active ? null : p.userId);
      await recordAudit(tx, {
        actor: actorOf(p), entity: 'user', entityId: id, action: active ? 'reactivate' : 'deactivate', organizationId: before.organizationId,
        before: { active: before.active }, after: { active },
      });
    }
    return detail(tx, (await findUser(tx, p, id))!);
  });
}

/** A user's tokens, without secrets: admins anyone's, everyone their own. */
export async function listUserTokens(s: Pick<Services, 'sql'>, p: Principal, userId: string, q: { after?: string; limit: number }): Promise<TokenListRow[]> {
  if (p.role !== 'admin' && p.userId !== userId) throw forbidden('You may list only your own tokens');
  if (!(await findUser(s.sql, p, userId))) throw notFound('User');
  return readTokens(s.sql, userId, q);
}
