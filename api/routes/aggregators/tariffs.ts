import { createRoute, z } from '@hono/zod-openapi';
import { createTariff, getTariff, listTariffs } from '../../../src/aggregators/catalog';
import { PAYMENT_FREQUENCIES } from '../../../src/domain/aggregators/catalog';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { ServiceSchema, TariffSchema } from './schemas';

const CreateTariff = z
  .strictObject({
    organizationId: z.uuid().openapi({ description: 'The studio' }),
    name: z.string().trim().min(1).max(200),
    paymentFrequency: z.enum(PAYMENT_FREQUENCIES).openapi({ description: 'Only FREE tariffs can be assigned to an aggregator' }),
    services: z.array(ServiceSchema).max(100).openapi({ description: 'What the tariff bundles: services, flat rates, modules' }),
  })
  .openapi('CreateTariff');

export function registerTariffRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/tariffs', tags: ['aggregators'],
      description: 'A tariff of a studio with its payment frequency and the services it bundles.',
      request: { body: jsonBody(CreateTariff) },
      responses: { 201: json(TariffSchema, 'Created'), ...errorResponses(403, 404) },
    }),
    async (c) => c.json(await createTariff(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/tariffs', tags: ['aggregators'],
      request: { query: PageQuery.extend({ cursor: z.uuid().optional(), organizationId: z.uuid().optional(), paymentFrequency: z.enum(PAYMENT_FREQUENCIES).optional() }) },
      responses: { 200: json(listOf(TariffSchema)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listTariffs(c.var.deps, principalOf(c), { organizationId: q.organizationId, paymentFrequency: q.paymentFrequency, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (t) => t.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/tariffs/{id}', tags: ['aggregators'],
      request: { params: IdParam },
      responses: { 200: json(TariffSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getTariff(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );
}
