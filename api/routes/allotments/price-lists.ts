import { createRoute, z } from '@hono/zod-openapi';
import { assertAllotmentsEnabled } from '../../../src/allotments/context';
import { bandProblems, quote, utcDate } from '../../../src/domain/allotments/pricing';
import { actorOf } from '../../../src/domain/principal';
import { AppError, notFound } from '../../../src/errors';
import { recordAudit } from '../../../src/repos/audit';
import { getAssessment } from '../../../src/repos/allotments/assessments';
import { getPriceList, insertPriceList, linkPriceList } from '../../../src/repos/allotments/price-lists';
import { findOrganization } from '../../../src/repos/organizations';
import { principalOf, requireRole } from '../../auth';
import { Currency, errorResponses, IdParam, IsoDate, json, jsonBody } from '../../schemas';
import type { Router } from '../../router';
import { BandSchema, PriceListSchema, QuoteSchema } from './schemas';

const CreatePriceList = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().optional(),
    tiersMode: z.enum(['volume', 'graduated']).default('volume').openapi({
      description: 'volume (default): the band the purchased quantity falls in prices every unit. graduated: each unit is priced by its own band.',
    }),
    currencies: z.record(z.string().regex(/^[A-Z]{3}$/, 'an upper-case ISO-4217 code'), z.array(BandSchema).min(1)).openapi({
      example: { EUR: [{ upTo: 99, unitAmount: 1000 }, { upTo: 499, unitAmount: 800 }, { upTo: null, unitAmount: 600 }] },
    }),
  })
  .openapi('CreatePriceList');

const QuoteQuery = z.object({
  quantity: z.coerce.number().int().min(1).max(10_000_000),
  currency: Currency,
  date: IsoDate.optional().openapi({ description: 'Purchase date (YYYY-MM-DD); default today (UTC)' }),
});

export function registerPriceListRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/price-lists', tags: ['price lists'],
      description: 'Admin only. Bands per currency are ordered, non-overlapping, positive, and end open-ended (upTo: null). Dates are inclusive.',
      request: { params: IdParam, body: jsonBody(CreatePriceList) },
      responses: { 201: json(PriceListSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin');
      const sql = c.var.deps.sql;
      await assertAllotmentsEnabled(sql);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const errors = Object.entries(body.currencies).flatMap(([cur, bands]) => bandProblems(bands).map((message) => ({ path: `currencies.${cur}`, message })));
      if (Object.keys(body.currencies).length === 0) errors.push({ path: 'currencies', message: 'at least one currency is required' });
      if (body.validTo && body.validTo < body.validFrom) errors.push({ path: 'validTo', message: 'must not be before validFrom' });
      if (errors.length) throw new AppError('VALIDATION_FAILED', `Invalid price list: ${errors.map((e) => e.message).join('; ')}`, { errors });
      const list = await sql.begin(async (tx) => {
        await getAssessment(tx, p, id);
        const created = await insertPriceList(tx, { assessmentId: id, ...body });
        await recordAudit(tx, { actor: actorOf(p), entity: 'price_list', entityId: created.id, action: 'create', after: created });
        return created;
      });
      return c.json(list, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/price-lists/{id}', tags: ['price lists'],
      request: { params: IdParam },
      responses: { 200: json(PriceListSchema), ...errorResponses(404, 409) },
    }),
    async (c) => {
      await assertAllotmentsEnabled(c.var.deps.sql);
      return c.json(await getPriceList(c.var.deps.sql, principalOf(c), c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/price-lists/{id}/quote', tags: ['price lists'],
      description: 'Prices `quantity` units in `currency` on `date`. 409 NO_VALID_PRICE outside the validity window or for a currency the list lacks.',
      request: { params: IdParam, query: QuoteQuery },
      responses: { 200: json(QuoteSchema), ...errorResponses(404, 409) },
    }),
    async (c) => {
      const sql = c.var.deps.sql;
      await assertAllotmentsEnabled(sql);
      const list = await getPriceList(sql, principalOf(c), c.req.valid('param').id);
      const q = c.req.valid('query');
      const result = quote(list, q.quantity, q.currency, q.date ?? utcDate(new Date()));
      if (!result.ok) throw new AppError('NO_VALID_PRICE', result.reason);
      return c.json(result.quote, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/organizations/{id}/price-lists/{assessmentId}', tags: ['price lists'],
      description: 'Admin only. Links the organization to one price list for the assessment (replacing any earlier link).',
      request: {
        params: IdParam.extend({ assessmentId: z.uuid().openapi({ param: { name: 'assessmentId', in: 'path' } }) }),
        body: jsonBody(z.strictObject({ priceListId: z.uuid() })),
      },
      responses: { 200: json(z.object({ organizationId: z.uuid(), assessmentId: z.uuid(), priceListId: z.uuid() })), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin');
      const sql = c.var.deps.sql;
      await assertAllotmentsEnabled(sql);
      const { id, assessmentId } = c.req.valid('param');
      const { priceListId } = c.req.valid('json');
      await sql.begin(async (tx) => {
        if (!(await findOrganization(tx, p, id))) throw notFound('Organization');
        await getAssessment(tx, p, assessmentId);
        const list = await getPriceList(tx, p, priceListId);
        if (list.assessmentId !== assessmentId) {
          throw new AppError('UNPROCESSABLE', 'The price list belongs to another assessment', { errors: [{ path: 'priceListId', message: 'belongs to another assessment' }] });
        }
        await linkPriceList(tx, id, assessmentId, priceListId);
        await recordAudit(tx, { actor: actorOf(p), entity: 'organization', entityId: id, action: 'link_price_list', organizationId: id, after: { assessmentId, priceListId } });
      });
      return c.json({ organizationId: id, assessmentId, priceListId }, 200);
    },
  );
}
