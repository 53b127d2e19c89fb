import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { createRoute, z } from '@hono/zod-openapi';
import { acceptBulkInvite } from '../../../src/allotments/bulk-invite';
import { resolveTarget } from '../../../src/allotments/context';
import { assertFutureExpiry, createResponses, defaultExpiry } from '../../../src/allotments/create-responses';
import { actorOf } from '../../../src/domain/principal';
import { AppError } from '../../../src/errors';
import { getResponse, type ResponseRow } from '../../../src/repos/allotments/responses';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody } from '../../schemas';
import type { Router } from '../../router';
import { completeResponseUpdate, EXPIRY_NOT_LATER, extendResponseUpdate, responseWorkflowId } from '../../../workflows/allotments/response-definitions';
import { presentResponse } from './present';
import { JobSchema } from '../platform/schemas';
import { Respondent, ResponseSchema } from './schemas';

const CreateResponse = z
  .strictObject({
    organizationId: z.uuid(),
    respondent: Respondent,
    expiresAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Default: now + the assessment\'s responseExpiryDays' }),
    cohortId: z.uuid().optional(),
  })
  .openapi('CreateResponse');

/** Maps a refused invitation update to the state the response is in. */
async function refusal(err: unknown, reread: () => Promise<ResponseRow>): Promise<AppError> {
  const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type === EXPIRY_NOT_LATER) {
    return new AppError('UNPROCESSABLE', cause.message, { errors: [{ path: 'expiresAt', message: cause.message }] });
  }
  if (cause instanceof ApplicationFailure || err instanceof WorkflowNotFoundError) {
    const row = await reread();
    if (row.status === 'expired') return new AppError('RESPONSE_EXPIRED', 'The response expired and is locked');
    if (row.status === 'completed') return new AppError('RESPONSE_COMPLETED', 'The response is already completed');
  }
  throw err;
}

const closedError = (r: ResponseRow) =>
  r.status === 'expired' ? new AppError('RESPONSE_EXPIRED', 'The response expired and is locked') : r.status === 'completed' ? new AppError('RESPONSE_COMPLETED', 'The response is already completed') : null;

export function registerResponseRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/responses', tags: ['responses'],
      description: 'Manual entry. Holds one unit while open; 409 ALLOTMENT_EXHAUSTED (with available, unexpired, nextReleaseAt) at zero.',
      request: { params: IdParam, body: jsonBody(CreateResponse) },
      responses: { 201: json(ResponseSchema, 'Created'), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { sql, temporal, taskQueue } = c.var.deps;
      const body = c.req.valid('json');
      const target = await resolveTarget(sql, p, body.organizationId, c.req.valid('param').id);
      const now = new Date();
      const expiresAt = body.expiresAt ? new Date(body.expiresAt) : defaultExpiry(target.assessment, now);
      assertFutureExpiry(expiresAt, now);
      let cohort = null;
      if (body.cohortId) {
        const [row] = await sql<{ id: string }[]>`select id from cohorts where id = ${body.cohortId} and organization_id = ${target.org.id} and assessment_id = ${target.assessment.id}`;
        if (!row) throw new AppError('NOT_FOUND', 'Cohort not found');
        cohort = row;
      }
      const [row] = await createResponses({ sql, temporal, taskQueue }, {
        ...target, cohort, source: 'manual', actor: actorOf(p),
        respondents: [{ email: body.respondent.email, name: body.respondent.name, expiresAt }],
      });
      return c.json(presentResponse(row!), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/responses/bulk', tags: ['responses'],
      description:
        'text/csv with header `email,name` (optional `expiresAt`). The whole file is validated first (errors by line number, the header is line 1) and refused whole ' +
        'when it needs more units than available; otherwise 202 and a job creates the invitations. Send an Idempotency-Key to make re-sending safe.',
      request: {
        params: IdParam,
        query: z.object({ organizationId: z.uuid() }),
        body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ example: 'email,name\nana@example.com,Ana\n' }) } } },
      },
      responses: { 202: json(JobSchema, 'Accepted: the job runs'), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { sql, temporal, taskQueue } = c.var.deps;
      if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv');
      const target = await resolveTarget(sql, p, c.req.valid('query').organizationId, c.req.valid('param').id);
      const job = await acceptBulkInvite({ sql, temporal, taskQueue }, p, target, await c.req.text());
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
    async (c) => c.json(presentResponse(await getResponse(c.var.deps.sql, principalOf(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/responses/{id}/complete', tags: ['responses'],
      description: 'Called by the delivery system (admin or manager token). An expired response is locked: 409 RESPONSE_EXPIRED.',
      request: { params: IdParam, body: { content: { 'application/json': { schema: z.strictObject({}) } } } },
      responses: { 200: json(ResponseSchema), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { sql, temporal } = c.var.deps;
      const { id } = c.req.valid('param');
      const reread = () => getResponse(sql, p, id);
      const closed = closedError(await reread());
      if (closed) throw closed;
      try {
        await temporal.workflow.getHandle(responseWorkflowId(id)).executeUpdate(completeResponseUpdate);
      } catch (err) {
        throw await refusal(err, reread);
      }
      return c.json(presentResponse(await reread()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/responses/{id}/extend', tags: ['responses'],
      description: 'Moves the expiry of an open response later.',
      request: { params: IdParam, body: jsonBody(z.strictObject({ expiresAt: z.iso.datetime({ offset: true }) })) },
      responses: { 200: json(ResponseSchema), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { sql, temporal } = c.var.deps;
      const { id } = c.req.valid('param');
      const expiresAt = new Date(c.req.valid('json').expiresAt);
      const reread = () => getResponse(sql, p, id);
      const closed = closedError(await reread());
      if (closed) throw closed;
      assertFutureExpiry(expiresAt, new Date());
      try {
        await temporal.workflow.getHandle(responseWorkflowId(id)).executeUpdate(extendResponseUpdate, { args: [{ expiresAt: expiresAt.toISOString() }] });
      } catch (err) {
        throw await refusal(err, reread);
      }
      return c.json(presentResponse(await reread()), 200);
    },
  );
}
