import { z } from '@hono/zod-openapi';
import { createProfile, getProfile, listProfileContracts, listProfiles, memberStats, patchProfile } from '../../../src/aggregators/profiles';
import { contractCursor, PROFILE_STATUSES } from '../../../src/domain/aggregators/catalog';
import { principalOf, requireRole } from '../../auth';
import { CONTRACT_CURSOR } from '../../../src/domain/cursor';
import { answerList, listAnswer } from '../../lists';
import { IdParam, jsonBody, PageQuery, pageQuery } from '../../schemas';
import { routesOf } from '../../route-spec';
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


const route = routesOf('aggregators');
const organizationRoute = routesOf('organizations');

export function registerProfileRoutes(app: Router) {
  app.openapi(
    route.post('/v1/profiles', {
      description: 'A profile of a studio. Members count against memberLimit; aggregator profiles are prospects and get the aggregator\'s tariff in the same transaction.',
      request: { body: jsonBody(CreateProfile) },
      ok: { 201: ProfileSchema.extend({ contractId: z.uuid().nullable() }) }, errors: [403, 404, 409, 422],
    }),
    async (c) => c.json(await createProfile(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')), 201),
  );

  app.openapi(
    route.get('/v1/profiles', {
      request: {
        query: PageQuery.extend({ organizationId: z.uuid().optional(), aggregatorId: z.uuid().optional(), status: z.enum(PROFILE_STATUSES).optional() }),
      },
      description: "The profiles of the caller's organizations (admins: all); ?aggregatorId= those of one aggregator. Accept: text/csv exports every matching profile.",
      ok: { 200: listAnswer(ProfileSchema) },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      return answerList(c, { cursor, limit }, {
        read: (w) => listProfiles(c.var.deps, p, { ...filters, ...w }), key: (r) => r.id, item: ProfileSchema, name: 'profiles',
      });
    },
  );

  app.openapi(
    route.get('/v1/profiles/{id}', { request: { params: IdParam }, ok: { 200: ProfileSchema }, errors: [404] }),
    async (c) => c.json(await getProfile(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    route.patch('/v1/profiles/{id}', {
      description: 'Becoming a member beyond memberLimit: 409 MEMBER_LIMIT_REACHED. Profiles of an aggregator stay prospects (422).',
      request: { params: IdParam, body: jsonBody(PatchProfile) },
      ok: { 200: ProfileSchema }, errors: [403, 404, 409, 422],
    }),
    async (c) => c.json(await patchProfile(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    route.get('/v1/profiles/{id}/contracts', {
      description:
        "The profile's contracts, newest first: tariff, services, active or terminated (terminatedAt, terminationReason). Accept: text/csv exports every matching contract.",
      request: { params: IdParam, query: pageQuery(CONTRACT_CURSOR).extend({ status: z.enum(['active', 'terminated']).optional() }) },
      ok: { 200: listAnswer(ContractSchema) }, errors: [404],
    }),
    async (c) => {
      const { cursor, limit, status } = c.req.valid('query');
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      return answerList(c, { cursor, limit }, {
        read: (w) => listProfileContracts(c.var.deps, p, id, { status, ...w }), key: contractCursor, codec: CONTRACT_CURSOR,
        present: presentContract, item: ContractSchema, name: `profile-${id}-contracts`,
      });
    },
  );

  app.openapi(
    organizationRoute.get('/v1/organizations/{id}/member-stats', {
      description: "The studio's own profiles by status. Only members count against memberLimit; aggregator prospects never do.",
      request: { params: IdParam },
      ok: { 200: MemberStatsSchema }, errors: [404],
    }),
    async (c) => c.json(await memberStats(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );
}
