import { createRoute, z } from '@hono/zod-openapi';
import { createOrganization, getOrganization, listOrganizations, updateOrganization } from '../../../src/platform/organizations';
import { principalOf, requireRole } from '../../auth';
import type { Router } from '../../router';
import { answerList, listAnswer } from '../../lists';
import { errorResponses, IdParam, json, jsonBody, PageQuery } from '../../schemas';
import { OrganizationFields, OrganizationSchema } from './schemas';

const CreateOrganization = z.strictObject(OrganizationFields).openapi('CreateOrganization');
const PatchOrganization = z.strictObject({ ...OrganizationFields, name: OrganizationFields.name.optional() });

export function registerOrganizationRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/organizations', tags: ['organizations'],
      description: 'Admins create anywhere; managers create below their organization (default parent: their own). responseAllotment, ltiService, package and memberLimit are admin-only (403 FORBIDDEN naming them).',
      request: { body: jsonBody(CreateOrganization) },
      responses: { 201: json(OrganizationSchema, 'Created'), ...errorResponses(403, 404) },
    }),
    async (c) => c.json(await createOrganization(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/organizations', tags: ['organizations'],
      description:
        "The caller's organization and all its descendants (admins: all), by id; with ?q= those whose name contains it (case and accents ignored), by name. " +
        'Accept: text/csv exports every matching organization.',
      request: {
        query: PageQuery.extend({
          parentId: z.uuid().optional(),
          q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Part of the name (prefix or substring); case and accents are ignored' }),
        }),
      },
      responses: { 200: listAnswer(OrganizationSchema), ...errorResponses() },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      return answerList(c, { cursor, limit }, {
        read: (w) => listOrganizations(c.var.deps, p, { ...filters, ...w }), key: (o) => o.id, item: OrganizationSchema, name: 'organizations',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/organizations/{id}', tags: ['organizations'],
      request: { params: IdParam },
      responses: { 200: json(OrganizationSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getOrganization(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/organizations/{id}', tags: ['organizations'],
      description: 'A new parentId moves the whole subtree. responseAllotment, ltiService, package and memberLimit are admin-only (403 FORBIDDEN naming them).',
      request: { params: IdParam, body: jsonBody(PatchOrganization) },
      responses: { 200: json(OrganizationSchema), ...errorResponses(403, 404) },
    }),
    async (c) => c.json(await updateOrganization(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
