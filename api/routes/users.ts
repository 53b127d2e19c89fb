import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../src/domain/principal';
import { generateToken } from '../../src/domain/tokens';
import { AppError, forbidden, notFound } from '../../src/errors';
import { recordAudit } from '../../src/repos/audit';
import { findOrganization } from '../../src/repos/organizations';
import { linkUserAssessments } from '../../src/repos/allotments/assessments';
import { findToken, findUser, insertToken, insertUser, listUsers, revokeToken } from '../../src/repos/users';
import { principalOf, requireRole } from '../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../schemas';
import type { Router } from '.';

const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'manager', 'approver']),
    organizationId: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .openapi('User');

const CreateUser = z
  .strictObject({
    email: z.email().transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1).max(200),
    role: z.enum(['admin', 'manager', 'approver']),
    organizationId: z.uuid().optional(),
    assessmentIds: z.array(z.uuid()).optional(),
  })
  .openapi('CreateUser');

const TokenSchema = z
  .object({
    id: z.uuid(),
    token: z.string().openapi({ description: 'The secret: shown only in this answer' }),
    name: z.string().nullable(),
    userId: z.uuid(),
    createdAt: z.date(),
  })
  .openapi('Token');

export function registerUserRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/users',
      tags: ['users'],
      description: 'Admin only. Managers need organizationId; admins have none.',
      request: { body: jsonBody(CreateUser) },
      responses: { 201: json(UserSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin');
      const body = c.req.valid('json');
      if (body.role === 'manager' && !body.organizationId) {
        throw new AppError('VALIDATION_FAILED', 'A manager needs an organizationId', { errors: [{ path: 'organizationId', message: 'required for managers' }] });
      }
      if (body.role === 'admin' && body.organizationId) {
        throw new AppError('VALIDATION_FAILED', 'An admin belongs to no organization', { errors: [{ path: 'organizationId', message: 'not for admins' }] });
      }
      const user = await c.var.deps.sql.begin(async (tx) => {
        if (body.organizationId && !(await findOrganization(tx, p, body.organizationId))) throw notFound('Organization');
        const created = await insertUser(tx, body);
        const assessmentIds = body.assessmentIds ?? [];
        const unknown = await linkUserAssessments(tx, created.id, assessmentIds);
        if (unknown.length) {
          throw new AppError('VALIDATION_FAILED', `Unknown assessment(s): ${unknown.join(', ')}`, { errors: [{ path: 'assessmentIds', message: 'unknown assessment' }] });
        }
        const result = { ...created, assessmentIds };
        await recordAudit(tx, { actor: actorOf(p), entity: 'user', entityId: created.id, action: 'create', organizationId: created.organizationId, after: result });
        return result;
      });
      return c.json(user, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/users',
      tags: ['users'],
      request: { query: PageQuery },
      responses: { 200: json(listOf(UserSchema)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listUsers(c.var.deps.sql, principalOf(c), { after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (u) => u.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/users/{id}/tokens',
      tags: ['users'],
      description: 'Admins for anyone, everyone for themselves. The secret is shown once and stored only as a hash.',
      request: { params: IdParam, body: { content: { 'application/json': { schema: z.strictObject({ name: z.string().max(100).optional() }) } } } },
      responses: { 201: json(TokenSchema, 'Created'), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      if (p.role !== 'admin' && p.userId !== id) throw forbidden('You may create tokens only for yourself');
      const body = c.req.valid('json') ?? {};
      const secret = generateToken();
      const row = await c.var.deps.sql.begin(async (tx) => {
        const user = await findUser(tx, p, id);
        if (!user) throw notFound('User');
        const token = await insertToken(tx, id, secret, body.name);
        await recordAudit(tx, { actor: actorOf(p), entity: 'token', entityId: token.id, action: 'create', organizationId: user.organizationId, after: { userId: id, name: token.name } });
        return token;
      });
      return c.json({ id: row.id, token: secret, name: row.name, userId: row.userId, createdAt: row.createdAt }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/tokens/{id}',
      tags: ['users'],
      description: 'Revokes a token at once. Admins for anyone, everyone for their own tokens.',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses(404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      await c.var.deps.sql.begin(async (tx) => {
        const token = await findToken(tx, id);
        if (!token || (p.role !== 'admin' && token.userId !== p.userId)) throw notFound('Token');
        await revokeToken(tx, id);
        const [owner] = await tx<{ organizationId: string | null }[]>`select organization_id from users where id = ${token.userId}`;
        await recordAudit(tx, { actor: actorOf(p), entity: 'token', entityId: id, action: 'revoke', organizationId: owner?.organizationId ?? null, before: { revokedAt: token.revokedAt } });
      });
      return c.body(null, 204);
    },
  );
}

