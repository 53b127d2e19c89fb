import { createRoute, z } from '@hono/zod-openapi';
import { createToken, createUser, listUsers, revokeToken } from '../../../src/platform/users';
import { principalOf, requireRole } from '../../auth';
import { withholdOnReplay } from '../../idempotency';
import type { Router } from '../../router';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';

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
      method: 'post', path: '/v1/users', tags: ['users'],
      description: 'Admin only. Managers need organizationId; admins have none.',
      request: { body: jsonBody(CreateUser) },
      responses: { 201: json(UserSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(await createUser(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/v1/users', tags: ['users'], request: { query: PageQuery }, responses: { 200: json(listOf(UserSchema)), ...errorResponses() } }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listUsers(c.var.deps, principalOf(c), { after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (u) => u.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/users/{id}/tokens', tags: ['users'],
      description:
        'Admins for anyone, everyone for themselves. The secret is shown once and stored only as a hash: a repeat with the same Idempotency-Key ' +
        'answers 409 IDEMPOTENCY_SECRET_WITHHELD naming the token created, never the secret again.',
      request: { params: IdParam, body: { content: { 'application/json': { schema: z.strictObject({ name: z.string().max(100).optional() }) } } } },
      responses: { 201: json(TokenSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const token = await createToken(c.var.deps, principalOf(c), c.req.valid('param').id, (c.req.valid('json') ?? {}).name);
      withholdOnReplay(c, {
        fields: ['token'], replay: 'refuse', id: token.id,
        detail: `The first request with this Idempotency-Key created token ${token.id}; its secret is shown only once and is not stored, so it is not replayed. ` +
          `Revoke it (DELETE /v1/tokens/${token.id}) if you did not receive it, and create another with a new key.`,
      });
      return c.json(token, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/tokens/{id}', tags: ['users'],
      description: 'Revokes a token at once. Admins for anyone, everyone for their own tokens.',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses(404) },
    }),
    async (c) => {
      await revokeToken(c.var.deps, principalOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
