import { createRoute, z } from '@hono/zod-openapi';
import { createProfile, patchProfile } from '../../../src/aggregators/profiles';
import { PROFILE_STATUSES } from '../../../src/domain/aggregators/catalog';
import { contractCursor, listContracts } from '../../../src/repos/aggregators/contracts';
import { getProfile, listProfiles, memberStats } from '../../../src/repos/aggregators/profiles';
import { getOrganization } from '../../../src/repos/organizations';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { ContractSchema, MemberStatsSchema, presentContract, ProfileSchema } from './schemas';

const ProfileFields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().transform((e) => e.toLowerCase()),
  status: z.enum(PROFILE_STATUSES),
};
const CreateProfile = z
  .strictObject({
    organizationId: z.uuid().openapi({ description: 'The studio' }),
    ...ProfileFields,
    status: ProfileFields.status.optional().openapi({ description: 'Default prospect. A member beyond memberLimit: 409 MEMBER_LIMIT_REACHED' }),
    aggregatorId: z.uuid().nullable().optional().openapi({ description: "Created through this aggregator: a prospect that gets the aggregator's tariff at once" }),
  })
  .openapi('CreateProfile');
const PatchProfile = z
  .strictObject({ name: ProfileFields.name.optional(), email: ProfileFields.email.optional(), status: ProfileFields.status.optional() })
  .openapi('PatchProfile');

const ContractCursor = z.string().regex(/^\d+_[0-9a-f-]{36}$/i, 'a nextCursor from the previous page');

export function registerProfileRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/profiles', tags: ['aggregators'],
      description: 'A profile of a studio. Members count against memberLimit; aggregator profiles are prospects and get the aggregator\'s tariff in the same transaction.',
      request: { body: jsonBody(CreateProfile) },
      responses: { 201: json(ProfileSchema.extend({ contractId: z.uuid().nullable() }), 'Created'), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const body = c.req.valid('json');
      return c.json(await c.var.deps.sql.begin((tx) => createProfile(tx, p, body)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/profiles', tags: ['aggregators'],
      request: {
        query: PageQuery.extend({ cursor: z.uuid().optional(), organizationId: z.uuid().optional(), aggregatorId: z.uuid().optional(), status: z.enum(PROFILE_STATUSES).optional() }),
      },
      responses: { 200: json(listOf(ProfileSchema)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listProfiles(c.var.deps.sql, principalOf(c), { organizationId: q.organizationId, aggregatorId: q.aggregatorId, status: q.status, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (r) => r.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/profiles/{id}', tags: ['aggregators'],
      request: { params: IdParam },
      responses: { 200: json(ProfileSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getProfile(c.var.deps.sql, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/profiles/{id}', tags: ['aggregators'],
      description: 'Becoming a member beyond memberLimit: 409 MEMBER_LIMIT_REACHED. Profiles of an aggregator stay prospects (422).',
      request: { params: IdParam, body: jsonBody(PatchProfile) },
      responses: { 200: json(ProfileSchema), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      return c.json(await c.var.deps.sql.begin((tx) => patchProfile(tx, p, id, patch)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/profiles/{id}/contracts', tags: ['aggregators'],
      description: 'The profile\'s contracts, newest first: tariff, services, active or terminated (terminatedAt, terminationReason).',
      request: { params: IdParam, query: PageQuery.extend({ cursor: ContractCursor.optional(), status: z.enum(['active', 'terminated']).optional() }) },
      responses: { 200: json(listOf(ContractSchema)), ...errorResponses(404) },
    }),
    async (c) => {
      const sql = c.var.deps.sql;
      const profile = await getProfile(sql, principalOf(c), c.req.valid('param').id);
      const q = c.req.valid('query');
      const rows = await listContracts(sql, profile.id, { status: q.status, after: q.cursor, limit: q.limit + 1 });
      const result = page(rows, q.limit, contractCursor);
      return c.json({ items: result.items.map(presentContract), nextCursor: result.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/organizations/{id}/member-stats', tags: ['organizations'],
      description: "The studio's own profiles by status. Only members count against memberLimit; aggregator prospects never do.",
      request: { params: IdParam },
      responses: { 200: json(MemberStatsSchema), ...errorResponses(404) },
    }),
    async (c) => {
      const sql = c.var.deps.sql;
      const org = await getOrganization(sql, principalOf(c), c.req.valid('param').id);
      const stats = await memberStats(sql, org.id);
      return c.json({ organizationId: org.id, ...stats, membersAvailable: stats.memberLimit === null ? null : Math.max(0, stats.memberLimit - stats.members) }, 200);
    },
  );
}
