import { createRoute, z } from '@hono/zod-openapi';
import { createAssessment, getAssessment, listAssessments, updateAssessment } from '../../../src/allotments/assessments';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { AssessmentSchema } from './schemas';

const fields = {
  name: z.string().trim().min(1).max(200),
  responseExpiryDays: z.number().int().min(1).max(3650).optional().openapi({ description: 'Default expiry of an invitation; default 14' }),
  pricingByCohort: z.boolean().optional().openapi({ description: 'Count cohorts instead of responses; default false' }),
  invitationUrlTemplate: z
    .string()
    .max(2000)
    .nullable()
    .optional()
    .openapi({ description: 'The respondent\'s invitation link, e.g. https://assess.example/start/{token} (an http or https URL with exactly one {token}, else 422); null or absent: no invitation e-mails' }),
  reminderDaysBeforeExpiry: z.number().int().min(0).max(3650).optional().openapi({ description: 'The reminder goes this many days before a response expires; 0: no reminder; default 2' }),
};
const CreateAssessment = z.strictObject(fields).openapi('CreateAssessment');
const PatchAssessment = z.strictObject({ ...fields, name: fields.name.optional() });

export function registerAssessmentRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments', tags: ['assessments'], description: 'Admin only.',
      request: { body: jsonBody(CreateAssessment) },
      responses: { 201: json(AssessmentSchema, 'Created'), ...errorResponses(403, 422) },
    }),
    async (c) => c.json(await createAssessment(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/assessments', tags: ['assessments'], description: 'Admins: all; managers: the assessments they are linked to.',
      request: { query: PageQuery },
      responses: { 200: json(listOf(AssessmentSchema)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listAssessments(c.var.deps, principalOf(c), { after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (a) => a.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/assessments/{id}', tags: ['assessments'],
      request: { params: IdParam },
      responses: { 200: json(AssessmentSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getAssessment(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/assessments/{id}', tags: ['assessments'],
      description: 'Admin only. pricingByCohort cannot change once the assessment has allotments or responses (409).',
      request: { params: IdParam, body: jsonBody(PatchAssessment) },
      responses: { 200: json(AssessmentSchema), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => c.json(await updateAssessment(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
