import { actorOf, type Principal, type Role } from '../domain/principal';
import { generateToken } from '../domain/tokens';
import { AppError, forbidden, notFound } from '../errors';
import { linkUserAssessments } from '../repos/allotments/assessments';
import { recordAudit } from '../repos/audit';
import { findOrganization } from '../repos/organizations';
import { findToken, findUser, insertToken, insertUser, listUsers as readUsers, organizationOfUser, revokeToken as markRevoked, type User } from '../repos/users';
import type { Services } from './services';

export type { User };

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
