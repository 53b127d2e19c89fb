import { createRoute, z } from '@hono/zod-openapi';
import { acceptBulkInvite } from '../../../src/allotments/bulk-invite';
import { resolveInvitation } from '../../../src/allotments/invitation-mail';
import { completeResponse, createResponse, extendResponse, getResponse, listResponses } from '../../../src/allotments/responses';
import { AppError } from '../../../src/errors';
import { principalOf, requireRole } from '../../auth';
import { answerList, listAnswer } from '../../lists';
import { errorResponses, IdParam, json, jsonBody, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { JobSchema } from '../platform/schemas';
import { presentResponse } from './present';
import { Respondent, ResponseSchema } from './schemas';

/** The manual entry's body; the portal's form parses with it too. */
export const CreateResponse = z
  .strictObject({
    organizationId: z.uuid(),
    respondent: Respondent,
    expiresAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Default: now + the assessment\'s responseExpiryDays' }),
    cohortId: z.uuid().optional(),
    notify: z.boolean().optional().openapi({ description: 'false: the partner sends its own invitation; no e-mail and no reminder. Default true' }),
  })
  .openapi('CreateResponse');

/** Where a bulk CSV goes; the portal's upload form parses with it too. */
export const BulkInviteQuery = z.object({
  organizationId: z.uuid(),
  cohortId: z.uuid().optional(),
  notify: z.enum(['true', 'false']).optional().openapi({ description: 'false: the partner sends its own invitations; no e-mail and no reminder. Default true' }),
});

const ResponseFilters = PageQuery.extend({
  organizationId: z.uuid().optional(),
  assessmentId: z.uuid().optional(),
  cohortId: z.uuid().optional(),
  status: z.enum(['invited', 'completed', 'expired']).optional(),
  source: z.enum(['manual', 'bulk', 'cohort', 'share_link']).optional(),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: "Part of the respondent's e-mail or name; case and accents are ignored" }),
});

const PublicInvitation = z
  .object({
    id: z.uuid().openapi({ description: "The response's id" }),
    assessment: z.object({ id: z.uuid(), name: z.string() }),
    status: z.literal('invited'),
    expiresAt: z.date(),
  })
  .openapi('PublicInvitation');

export function registerResponseRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/invitations/{token}', tags: ['responses'], security: [],
      description:
        "Public: the response an invitation e-mail's link stands for, for the partner's assessment site (the token is the link's {token}). " +
        '404 for an unknown token; 410 INVITATION_COMPLETED or INVITATION_EXPIRED once the response is closed.',
      request: { params: z.object({ token: z.string().min(1).max(200).openapi({ param: { name: 'token', in: 'path' } }) }) },
      responses: { 200: json(PublicInvitation), ...errorResponses(404, 410, 429) },
    }),
    async (c) => c.json(await resolveInvitation(c.var.deps, c.req.valid('param').token), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/responses', tags: ['responses'],
      description:
        'The responses the caller may see (admins: all; managers: their organizations, for the assessments they are linked to), newest first. ' +
        'Accept: text/csv exports every matching response.',
      request: { query: ResponseFilters },
      responses: { 200: listAnswer(ResponseSchema), ...errorResponses() },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      return answerList(c, { cursor, limit }, {
        read: (w) => listResponses(c.var.deps, p, { ...filters, ...w }), key: (r) => r.id, present: presentResponse, item: ResponseSchema, name: 'responses',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/responses', tags: ['responses'],
      description: 'Manual entry. Holds one unit while open; 409 ALLOTMENT_EXHAUSTED (with available, unexpired, nextReleaseAt) at zero.',
      request: { params: IdParam, body: jsonBody(CreateResponse) },
      responses: { 201: json(ResponseSchema, 'Created'), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => c.json(presentResponse(await createResponse(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/responses/bulk', tags: ['responses'],
      description:
        'text/csv with header `email,name` (optional `expiresAt` and `cohortId`). The whole file is validated first (errors by line number, the header is line 1) and refused whole ' +
        'when it needs more units than available; otherwise 202 and a job creates the invitations. Rows go into the cohort `?cohortId=` names unless their ' +
        '`cohortId` column names another; when the assessment is priced by cohort every row needs one. Send an Idempotency-Key to make re-sending safe.',
      request: {
        params: IdParam,
        query: BulkInviteQuery,
        body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ example: 'email,name\nana@example.com,Ana\n' }) } } },
      },
      responses: { 202: json(JobSchema, 'Accepted: the job runs'), ...errorResponses(403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv');
      const { organizationId, cohortId, notify } = c.req.valid('query');
      const to = { organizationId, cohortId, assessmentId: c.req.valid('param').id, notify: notify === undefined ? undefined : notify === 'true' };
      const job = await acceptBulkInvite(c.var.deps, p, to, await c.req.text());
      c.header('Location', `/v1/jobs/${job.id}`);
      return c.json({ ...job, errors: [] }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/responses/{id}', tags: ['responses'],
      request: { params: IdParam },
      responses: { 200: json(ResponseSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(presentResponse(await getResponse(c.var.deps, principalOf(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/responses/{id}/complete', tags: ['responses'],
      description: 'Called by the delivery system (admin or manager token). An expired response is locked: 409 RESPONSE_EXPIRED.',
      request: { params: IdParam, body: { content: { 'application/json': { schema: z.strictObject({}) } } } },
      responses: { 200: json(ResponseSchema), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(presentResponse(await completeResponse(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/responses/{id}/extend', tags: ['responses'],
      description: 'Moves the expiry of an open response later.',
      request: { params: IdParam, body: jsonBody(z.strictObject({ expiresAt: z.iso.datetime({ offset: true }) })) },
      responses: { 200: json(ResponseSchema), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => c.json(presentResponse(await extendResponse(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json').expiresAt)), 200),
  );
}
