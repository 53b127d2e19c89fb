import { createRoute, z } from '@hono/zod-openapi';
import { createPriceList, createSuccessor, getPriceList, linkOrganizationPriceList, listPriceLists, quotePriceList, updatePriceList } from '../../../src/allotments/price-lists';
import { principalOf, requireRole } from '../../auth';
import { answerList, listAnswer } from '../../lists';
import { Currency, errorResponses, IdParam, IsoDate, json, jsonBody, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { BandSchema, PriceListSchema, QuoteSchema } from './schemas';

export const CreatePriceList = z
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

const Bands = CreatePriceList.shape.currencies;

export const PatchPriceList = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.nullable().optional(),
    tiersMode: z.enum(['volume', 'graduated']).optional(),
    currencies: Bands.optional().openapi({ description: 'Replaces every currency\'s bands' }),
  })
  .openapi('PatchPriceList');

export const CreateSuccessor = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    validFrom: IsoDate.optional().openapi({ description: 'The day after the predecessor ends (the default); any other day is refused' }),
    validTo: IsoDate.nullable().optional(),
    tiersMode: z.enum(['volume', 'graduated']).default('volume'),
    currencies: Bands,
  })
  .openapi('CreateSuccessor');

const QuoteQuery = z.object({
  quantity: z.coerce.number().int().min(1).max(10_000_000),
  currency: Currency,
  date: IsoDate.optional().openapi({ description: 'Purchase date (YYYY-MM-DD); default today (UTC)' }),
});

const PriceListFilters = PageQuery.extend({
  organizationId: z.uuid().optional().openapi({ description: 'Only the list linked to this organization' }),
  validOn: IsoDate.optional().openapi({ description: 'Only lists valid on this date (YYYY-MM-DD)' }),
});

export function registerPriceListRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/assessments/{id}/price-lists', tags: ['price lists'],
      description:
        "The assessment's price lists, newest first: admins all of them, managers those linked to an organization in their scope. " +
        'Accept: text/csv exports every matching list (its currencies as JSON).',
      request: { params: IdParam, query: PriceListFilters },
      responses: { 200: listAnswer(PriceListSchema), ...errorResponses(404) },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      return answerList(c, { cursor, limit }, {
        read: (w) => listPriceLists(c.var.deps, p, id, { ...filters, ...w }), key: (r) => r.id, item: PriceListSchema, name: 'price-lists',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/assessments/{id}/price-lists', tags: ['price lists'],
      description: 'Admin only. Bands per currency are ordered, non-overlapping, positive, and end open-ended (upTo: null). Dates are inclusive.',
      request: { params: IdParam, body: jsonBody(CreatePriceList) },
      responses: { 201: json(PriceListSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(await createPriceList(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/price-lists/{id}', tags: ['price lists'],
      request: { params: IdParam },
      responses: { 200: json(PriceListSchema), ...errorResponses(404, 409) },
    }),
    async (c) => c.json(await getPriceList(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/price-lists/{id}/quote', tags: ['price lists'],
      description: 'Prices `quantity` units in `currency` on `date`. 409 NO_VALID_PRICE outside the validity window or for a currency the list lacks.',
      request: { params: IdParam, query: QuoteQuery },
      responses: { 200: json(QuoteSchema), ...errorResponses(404, 409) },
    }),
    async (c) => c.json(await quotePriceList(c.var.deps, principalOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
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
      const { id, assessmentId } = c.req.valid('param');
      return c.json(await linkOrganizationPriceList(c.var.deps, p, { organizationId: id, assessmentId, priceListId: c.req.valid('json').priceListId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/price-lists/{id}', tags: ['price lists'],
      description:
        'Admin only. A list no purchase has used is changed in place (200). A used list keeps the terms its purchases were priced with: ' +
        'the change makes a new version (201, a new id, version + 1, replacesId) that takes its place in every organization\'s link and in ' +
        'its successor chain; the old one answers replacedById and is not changed any more (409). validFrom of a successor and validTo of a ' +
        'list with a successor cannot move (400). A patch that changes nothing answers the list as it is (200).',
      request: { params: IdParam, body: jsonBody(PatchPriceList) },
      responses: { 200: json(PriceListSchema), 201: json(PriceListSchema, 'New version created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const { list, newVersion } = await updatePriceList(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json'));
      return newVersion ? c.json(list, 201) : c.json(list, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/price-lists/{id}/successor', tags: ['price lists'],
      description:
        'Admin only. A list that starts the day after this one ends (it needs a validTo: 409 otherwise) for the same assessment. ' +
        'Organizations linked to this list are quoted from the successor from its first day on, so purchases never fall into a gap. ' +
        'One successor per list (409 naming it).',
      request: { params: IdParam, body: jsonBody(CreateSuccessor) },
      responses: { 201: json(PriceListSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(await createSuccessor(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
