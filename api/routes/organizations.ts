import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../src/domain/principal';
import { actorOf } from '../../src/domain/principal';
import { AppError, notFound } from '../../src/errors';
import { recordAudit } from '../../src/repos/audit';
import {
  getOrganization,
  insertOrganization,
  listOrganizations,
  updateOrganization,
  type OrganizationInput,
} from '../../src/repos/organizations';
import { organizationInScope } from '../../src/repos/scope';
import { principalOf, requireRole } from '../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../schemas';
import type { Router } from '.';

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    responseAllotment: z.enum(['none', 'can_be_purchased']),
    ltiService: z.boolean(),
    package: z.enum(['basic', 'advanced', 'premium']),
    memberLimit: z.number().int().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .openapi('Organization');

export const OrganizationFields = {
  name: z.string().trim().min(1).max(200),
  parentId: z.uuid().nullable().optional(),
  responseAllotment: z.enum(['none', 'can_be_purchased']).optional(),
  ltiService: z.boolean().optional(),
  package: z.enum(['basic', 'advanced', 'premium']).optional(),
  memberLimit: z.number().int().min(0).nullable().optional(),
};
const CreateOrganization = z.strictObject(OrganizationFields).openapi('CreateOrganization');
const PatchOrganization = z.strictObject({ ...OrganizationFields, name: OrganizationFields.name.optional() });

// Commercial settings only a site admin may set (they gate purchases, packages and limits).
const ADMIN_ONLY_FIELDS = ['responseAllotment', 'package', 'memberLimit'] as const;

function assertFieldsAllowed(p: Principal, input: Partial<OrganizationInput>) {
  if (p.role === 'admin') return;
  const denied = ADMIN_ONLY_FIELDS.filter((f) => input[f] !== undefined);
  if (denied.length) throw new AppError('FORBIDDEN', `Only an admin may set ${denied.join(', ')}`, { fields: denied });
}

/** Creates an organization; managers only below an organization in their scope. Shared with sale registration. */
export async function createOrganizationAs(
  tx: Parameters<typeof insertOrganization>[0],
  p: Principal,
  input: OrganizationInput,
) {
  assertFieldsAllowed(p, input);
  if (p.role !== 'admin') {
    const parentId = input.parentId ?? p.organizationId;
    if (!parentId || !(await organizationInScope(tx, p, parentId))) throw notFound('Parent organization');
    input = { ...input, parentId };
  } else if (input.parentId) {
    if (!(await organizationInScope(tx, p, input.parentId))) throw notFound('Parent organization');
  }
  const org = await insertOrganization(tx, input);
  await recordAudit(tx, { actor: actorOf(p), entity: 'organization', entityId: org.id, action: 'create', organizationId: org.id, after: org });
  return org;
}

export function registerOrganizationRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/organizations',
      tags: ['organizations'],
      description: 'Admins create anywhere; managers create below their organization (default parent: their own).',
      request: { body: jsonBody(CreateOrganization) },
      responses: { 201: json(OrganizationSchema, 'Created'), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const body = c.req.valid('json');
      const org = await c.var.deps.sql.begin((tx) => createOrganizationAs(tx, p, body));
      return c.json(org, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/organizations',
      tags: ['organizations'],
      description: "The caller's organization and all its descendants (admins: all).",
      request: { query: PageQuery.extend({ parentId: z.uuid().optional() }) },
      responses: { 200: json(listOf(OrganizationSchema)), ...errorResponses() },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const rows = await listOrganizations(c.var.deps.sql, p, { after: q.cursor, limit: q.limit + 1, parentId: q.parentId });
      return c.json(page(rows, q.limit, (o) => o.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/organizations/{id}',
      tags: ['organizations'],
      request: { params: IdParam },
      responses: { 200: json(OrganizationSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getOrganization(c.var.deps.sql, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/organizations/{id}',
      tags: ['organizations'],
      description: 'A new parentId moves the whole subtree. responseAllotment, package and memberLimit are admin-only.',
      request: { params: IdParam, body: jsonBody(PatchOrganization) },
      responses: { 200: json(OrganizationSchema), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      assertFieldsAllowed(p, patch);
      const org = await c.var.deps.sql.begin(async (tx) => {
        const before = await getOrganization(tx, p, id);
        if (patch.parentId !== undefined && p.role !== 'admin') {
          if (id === p.organizationId) throw new AppError('FORBIDDEN', 'You cannot move your own organization');
          if (!patch.parentId || !(await organizationInScope(tx, p, patch.parentId))) throw notFound('Parent organization');
        }
        if (patch.parentId && !(await organizationInScope(tx, p, patch.parentId))) throw notFound('Parent organization');
        const after = await updateOrganization(tx, id, patch);
        await recordAudit(tx, { actor: actorOf(p), entity: 'organization', entityId: id, action: 'update', organizationId: id, before, after });
        return after;
      });
      return c.json(org, 200);
    },
  );
}
