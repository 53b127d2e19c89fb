import { createRoute, z } from '@hono/zod-openapi';
import { createCohort, inviteToCohort, listCohorts, listShareLinks } from '../../../src/allotments/cohorts';
import { createShareLink, respondThroughShareLink, revokeShareLink } from '../../../src/allotments/share-links';
import { principalOf, requireRole } from '../../auth';
import { answerList, listAnswer } from '../../lists';
import { errorResponses, IdParam, json, jsonBody, listOf, PageQuery } from '../../schemas';
import { withholdOnReplay } from '../../idempotency';
import type { Router } from '../../router';
import { presentResponse } from './present';
import { CohortSchema, Respondent, ResponseSchema, ShareLinkSchema } from './schemas';

const CohortFilters = PageQuery.extend({
  organizationId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Part of the name; case and accents are ignored' }),
});

const ShareLinkFilters = PageQuery.extend({
  organizationId: z.uuid().optional(),
  cohortId: z.uuid().optional(),
  revoked: z.enum(['true', 'false']).transform((v) => v === 'true').optional().openapi({ type: 'string', enum: ['true', 'false'] }),
});

// The bodies below are exported so the portal's forms parse with exactly what the API accepts.
export const CreateCohort = z.strictObject({ organizationId: z.uuid(), name: z.string().trim().min(1).max(200) });

export const CohortInvitations = z.strictObject({
  respondents: z.array(Respondent).min(1).max(1000),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  notify: z.boolean().optional().openapi({ description: 'false: the partner sends its own invitations; no e-mail and no reminder. Default true' }),
});

export const CreateShareLink = z.strictObject({
  organizationId: z.uuid(),
  cohortId: z.uuid().optional(),
  notify: z.boolean().optional().openapi({ description: 'false: responses started through this link get no invitation e-mail and no reminder. Default true' }),
});

export function registerCohortRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/assessments/{id}/cohorts', tags: ['cohorts'],
      description: "The assessment's cohorts in the caller's organizations (admins: all), newest first. Accept: text/csv exports every matching cohort.",
      request: { params: IdParam, query: CohortFilters },
      responses: { 200: listAnswer(CohortSchema), ...errorResponses(404) },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      return answerList(c, { cursor, limit }, {
        read: (w) => listCohorts(c.var.deps, p, id, { ...filters, ...w }), key: (r) => r.id, item: CohortSchema, name: 'cohorts',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/assessments/{id}/share-links', tags: ['share links'],
      description:
        "The assessment's share links in the caller's organizations (admins: all), newest first, revoked ones included unless ?revoked=false. " +
        'Never their tokens (stored only as hashes). Accept: text/csv exports every matching link.',
      request: { params: IdParam, query: ShareLinkFilters },
      responses: { 200: listAnswer(ShareLinkSchema), ...errorResponses(404) },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      return answerList(c, { cursor, limit }, {
        read: (w) => listShareLinks(c.var.deps, p, id, { ...filters, ...w }), key: (r) => r.id, item: ShareLinkSchema, name: 'share-links',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/cohorts', tags: ['cohorts'],
      description: 'When the assessment is priced by cohort, a cohort is Used at creation (and never expires); its responses are then free.',
      request: { params: IdParam, body: jsonBody(CreateCohort) },
      responses: { 201: json(CohortSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(await createCohort(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/cohorts/{id}/invitations', tags: ['cohorts'],
      description: 'One response per respondent. Priced by response: each holds a unit (refused whole at zero). Priced by cohort: free.',
      request: {
        params: IdParam,
        body: jsonBody(CohortInvitations),
      },
      responses: { 201: json(listOf(ResponseSchema), 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const rows = await inviteToCohort(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ items: rows.map(presentResponse), nextCursor: null }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/share-links', tags: ['share links'],
      description:
        'An unguessable public link; responses created through it count like any other. The token is shown only here (stored as a hash): ' +
        'a repeat with the same Idempotency-Key answers 409 IDEMPOTENCY_SECRET_WITHHELD naming the link created.',
      request: { params: IdParam, body: jsonBody(CreateShareLink) },
      responses: { 201: json(z.object({ id: z.uuid(), token: z.string(), path: z.string() }), 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const link = await createShareLink(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json'));
      withholdOnReplay(c, {
        fields: ['token', 'path'], replay: 'refuse', id: link.id,
        detail: `The first request with this Idempotency-Key created share link ${link.id}; its token is shown only once and is not stored, so it is not replayed. ` +
          'Create another link with a new key.',
      });
      return c.json(link, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/public/share-links/{token}/responses', tags: ['share links'], security: [],
      description: 'Public: a respondent starts a response through a share link. Answers only what the respondent needs; a revoked link answers 410 LINK_REVOKED.',
      request: {
        params: z.object({ token: z.string().min(10).max(100).openapi({ param: { name: 'token', in: 'path' } }) }),
        body: jsonBody(Respondent),
      },
      responses: {
        201: json(z.object({ id: z.uuid(), status: z.literal('invited'), expiresAt: z.date() }), 'Created'),
        ...errorResponses(404, 409, 410, 429),
      },
    }),
    async (c) => c.json(await respondThroughShareLink(c.var.deps, c.req.valid('param').token, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/share-links/{id}/revoke', tags: ['share links'],
      description:
        'Admins, and managers who may create links for its organization and assessment. From the next request its public path answers ' +
        '410 LINK_REVOKED; responses already started through it stay. A repeat answers the link as it is (revokedAt unchanged). There is no un-revoke: create a new link.',
      request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: z.strictObject({}) } } } },
      responses: { 200: json(ShareLinkSchema), ...errorResponses(403, 404) },
    }),
    async (c) => c.json(await revokeShareLink(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id), 200),
  );
}
