import { createRoute, z } from '@hono/zod-openapi';
import { createProfile, getProfile, listProfileContracts, listProfiles, memberStats, patchProfile } from '../../../src/aggregators/profiles';
import { contractCursor, PROFILE_STATUSES } from '../../../src/domain/aggregators/catalog';
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
    async (c) => c.json(await createProfile(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')), 201),
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
      const rows = await listProfiles(c.var.deps, principalOf(c), { organizationId: q.organizationId, aggregatorId: q.aggregatorId, status: q.status, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (r) => r.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/profiles/{id}', tags: ['aggregators'],
      request: { params: IdParam },
      responses: { 200: json(ProfileSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getProfile(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/profiles/{id}', tags: ['aggregators'],
      description: 'Becoming a member beyond memberLimit: 409 MEMBER_LIMIT_REACHED. Profiles of an aggregator stay prospects (422).',
      request: { params: IdParam, body: jsonBody(PatchProfile) },
      responses: { 200: json(ProfileSchema), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => c.json(await patchProfile(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/profiles/{id}/contracts', tags: ['aggregators'],
      description: 'The profile\'s contracts, newest first: tariff, services, active or terminated (terminatedAt, terminationReason).',
      request: { params: IdParam, query: PageQuery.extend({ cursor: ContractCursor.optional(), status: z.enum(['active', 'terminated']).optional() }) },
      responses: { 200: json(listOf(ContractSchema)), ...errorResponses(404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listProfileContracts(c.var.deps, principalOf(c), c.req.valid('param').id, { status: q.status, after: q.cursor, limit: q.limit + 1 });
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
    async (c) => c.json(await memberStats(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );
}
