import { createRoute, z } from '@hono/zod-openapi';
import { createToken, createUser, deactivateUser, listUsers, listUserTokens, reactivateUser, revokeToken, updateUser } from '../../../src/platform/users';
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
    active: z.boolean().openapi({ description: 'False once deactivated: the user\'s tokens answer 401 until a reactivation' }),
    deactivatedAt: z.date().nullable(),
  })
  .openapi('User');

const UserDetailSchema = UserSchema.extend({ assessmentIds: z.array(z.uuid()) }).openapi('UserDetail');

const PatchUser = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(['admin', 'manager', 'approver']).optional().openapi({ description: 'Admins only' }),
    organizationId: z.uuid().nullable().optional().openapi({ description: 'Admins only. Managers need one, admins none (send null)' }),
    assessmentIds: z.array(z.uuid()).max(1000).optional().openapi({ description: 'Admins only. Replaces the user\'s assessment links' }),
  })
  .openapi('PatchUser');

const TokenInfoSchema = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    userId: z.uuid(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .openapi('TokenInfo');

const NoBody = { required: false, content: { 'application/json': { schema: z.strictObject({}) } } };

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
      responses: { 201: json(UserDetailSchema, 'Created'), ...errorResponses(403, 404, 409) },
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
      method: 'patch', path: '/v1/users/{id}', tags: ['users'],
      description:
        'Changes a user\'s name, role, organization and assessment links (assessmentIds replaces them). Admins change anyone; everyone ' +
        'else only their own name (403 FORBIDDEN naming the admin-only fields). A manager needs an organization and an admin has none ' +
        '(400 naming organizationId); the last active admin keeps the role (409 CONFLICT). Applies from the user\'s next request; their tokens stay.',
      request: { params: IdParam, body: jsonBody(PatchUser) },
      responses: { 200: json(UserDetailSchema), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(await updateUser(c.var.deps, principalOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/users/{id}/deactivate', tags: ['users'],
      description:
        'Admin only. The user\'s tokens answer 401 UNAUTHENTICATED from the next request on; nothing else of theirs changes. ' +
        'Repeating it answers the user as it is. The last active admin cannot be deactivated (409 CONFLICT).',
      request: { params: IdParam, body: NoBody },
      responses: { 200: json(UserDetailSchema), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(await deactivateUser(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/users/{id}/reactivate', tags: ['users'],
      description: 'Admin only. The user\'s tokens that were not revoked work again. Repeating it answers the user as it is.',
      request: { params: IdParam, body: NoBody },
      responses: { 200: json(UserDetailSchema), ...errorResponses(403, 404) },
    }),
    async (c) => c.json(await reactivateUser(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/users/{id}/tokens', tags: ['users'],
      description: 'The user\'s tokens, revoked ones included, never their secrets (which are not stored). Admins for anyone, everyone for themselves.',
      request: { params: IdParam, query: PageQuery },
      responses: { 200: json(listOf(TokenInfoSchema)), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listUserTokens(c.var.deps, principalOf(c), c.req.valid('param').id, { after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (t) => t.id), 200);
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
