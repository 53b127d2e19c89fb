import { createRoute, z } from '@hono/zod-openapi';
import { isMetered, resolveTarget } from '../../../src/allotments/context';
import { assertFutureExpiry, createResponses, defaultExpiry } from '../../../src/allotments/create-responses';
import { unitOf, unitsFor } from '../../../src/domain/allotments/ledger';
import { actorOf } from '../../../src/domain/principal';
import { randomUrlToken } from '../../../src/domain/tokens';
import { AppError } from '../../../src/errors';
import { recordAudit } from '../../../src/repos/audit';
import { assessmentById } from '../../../src/repos/allotments/assessments';
import { getCohort, insertCohort, insertShareLink, shareLinkByToken } from '../../../src/repos/allotments/cohorts';
import { ensureAllotment, reserveUnits } from '../../../src/repos/allotments/ledger';
import { organizationById } from '../../../src/repos/organizations';
import { requireRole } from '../../auth';
import { rateLimit } from '../../rate-limit';
import { errorResponses, IdParam, json, jsonBody, listOf } from '../../schemas';
import type { Router } from '../../router';
import { presentResponse } from './present';
import { CohortSchema, Respondent, ResponseSchema } from './schemas';

export function registerCohortRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/cohorts', tags: ['cohorts'],
      description: 'When the assessment is priced by cohort, a cohort is Used at creation (and never expires); its responses are then free.',
      request: { params: IdParam, body: jsonBody(z.strictObject({ organizationId: z.uuid(), name: z.string().trim().min(1).max(200) })) },
      responses: { 201: json(CohortSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { sql } = c.var.deps;
      const body = c.req.valid('json');
      const cohort = await sql.begin(async (tx) => {
        const { org, assessment } = await resolveTarget(tx, p, body.organizationId, c.req.valid('param').id);
        const units = (await isMetered(tx, org)) ? unitsFor('cohort', 1, unitOf(assessment.pricingByCohort)) : 0;
        if (units > 0) {
          await ensureAllotment(tx, org.id, assessment.id);
          await reserveUnits(tx, { organizationId: org.id, assessmentId: assessment.id, units, kind: 'cohort' });
        }
        const created = await insertCohort(tx, { assessmentId: assessment.id, organizationId: org.id, name: body.name, counted: units > 0, createdBy: p.userId });
        await recordAudit(tx, { actor: actorOf(p), entity: 'cohort', entityId: created.id, action: 'create', organizationId: org.id, after: created });
        return created;
      });
      return c.json(cohort, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/cohorts/{id}/invitations', tags: ['cohorts'],
      description: 'One response per respondent. Priced by response: each holds a unit (refused whole at zero). Priced by cohort: free.',
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ respondents: z.array(Respondent).min(1).max(1000), expiresAt: z.iso.datetime({ offset: true }).optional() })),
      },
      responses: { 201: json(listOf(ResponseSchema), 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { sql, temporal, taskQueue } = c.var.deps;
      const body = c.req.valid('json');
      const cohort = await getCohort(sql, p, c.req.valid('param').id);
      const target = await resolveTarget(sql, p, cohort.organizationId, cohort.assessmentId);
      const now = new Date();
      const expiresAt = body.expiresAt ? new Date(body.expiresAt) : defaultExpiry(target.assessment, now);
      assertFutureExpiry(expiresAt, now);
      const emails = body.respondents.map((r) => r.email);
      const dup = emails.findIndex((e, i) => emails.indexOf(e) !== i);
      if (dup >= 0) throw new AppError('VALIDATION_FAILED', `Duplicate respondent ${emails[dup]}`, { errors: [{ path: `respondents.${dup}.email`, message: 'duplicate' }] });
      const rows = await createResponses({ sql, temporal, taskQueue }, {
        ...target, cohort, source: 'cohort', actor: actorOf(p),
        respondents: body.respondents.map((r) => ({ ...r, expiresAt })),
      });
      return c.json({ items: rows.map(presentResponse), nextCursor: null }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/share-links', tags: ['share links'],
      description: 'An unguessable public link; responses created through it count like any other. The token is shown only here.',
      request: { params: IdParam, body: jsonBody(z.strictObject({ organizationId: z.uuid(), cohortId: z.uuid().optional() })) },
      responses: { 201: json(z.object({ id: z.uuid(), token: z.string(), path: z.string() }), 'Created'), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { sql } = c.var.deps;
      const body = c.req.valid('json');
      const token = randomUrlToken(24);
      const link = await sql.begin(async (tx) => {
        const { org, assessment } = await resolveTarget(tx, p, body.organizationId, c.req.valid('param').id);
        if (body.cohortId) {
          const cohort = await getCohort(tx, p, body.cohortId);
          if (cohort.organizationId !== org.id || cohort.assessmentId !== assessment.id) throw new AppError('NOT_FOUND', 'Cohort not found');
        }
        const created = await insertShareLink(tx, { token, assessmentId: assessment.id, organizationId: org.id, cohortId: body.cohortId, createdBy: p.userId });
        await recordAudit(tx, { actor: actorOf(p), entity: 'share_link', entityId: created.id, action: 'create', organizationId: org.id, after: { assessmentId: assessment.id, cohortId: created.cohortId } });
        return created;
      });
      return c.json({ id: link.id, token, path: `/v1/public/share-links/${token}/responses` }, 201);
    },
  );

  app.use('/v1/public/share-links/*', rateLimit({ name: 'share-link', windowMs: 60_000, max: 30 }));
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/public/share-links/{token}/responses', tags: ['share links'], security: [],
      description: 'Public: a respondent starts a response through a share link. Answers only what the respondent needs.',
      request: {
        params: z.object({ token: z.string().min(10).max(100).openapi({ param: { name: 'token', in: 'path' } }) }),
        body: jsonBody(Respondent),
      },
      responses: {
        201: json(z.object({ id: z.uuid(), status: z.literal('invited'), expiresAt: z.date() }), 'Created'),
        ...errorResponses(404, 409, 429),
      },
    }),
    async (c) => {
      const { sql, temporal, taskQueue } = c.var.deps;
      const link = await shareLinkByToken(sql, c.req.valid('param').token);
      if (!link) throw new AppError('NOT_FOUND', 'Unknown or withdrawn link');
      const [assessment, org] = await Promise.all([assessmentById(sql, link.assessmentId), organizationById(sql, link.organizationId)]);
      if (!assessment || !org) throw new AppError('NOT_FOUND', 'Unknown or withdrawn link');
      const respondent = c.req.valid('json');
      const [row] = await createResponses({ sql, temporal, taskQueue }, {
        org, assessment, cohort: link.cohortId ? { id: link.cohortId } : null, source: 'share_link', actor: `share_link:${link.id}`, publicCaller: true,
        respondents: [{ ...respondent, expiresAt: defaultExpiry(assessment, new Date()) }],
      });
      return c.json({ id: row!.id, status: 'invited' as const, expiresAt: row!.expiresAt }, 201);
    },
  );
}
