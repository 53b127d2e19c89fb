import { z } from '@hono/zod-openapi';
import { createTariff, getTariff, listTariffs } from '../../../src/aggregators/catalog';
import { PAYMENT_FREQUENCIES } from '../../../src/domain/aggregators/catalog';
import { principalOf, requireRole } from '../../auth';
import { routesOf } from '../../route-spec';
import { IdParam, jsonBody, listOf, page, PageQuery } from '../../schemas';
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

const route = routesOf('aggregators');

export function registerTariffRoutes(app: Router) {
  app.openapi(
    route.post('/v1/tariffs', {
      description: 'A tariff of a studio with its payment frequency and the services it bundles.',
      request: { body: jsonBody(CreateTariff) },
      ok: { 201: TariffSchema }, errors: [403, 404],
    }),
    async (c) => c.json(await createTariff(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')), 201),
  );

  app.openapi(
    route.get('/v1/tariffs', {
      request: { query: PageQuery.extend({ organizationId: z.uuid().optional(), paymentFrequency: z.enum(PAYMENT_FREQUENCIES).optional() }) },
      ok: { 200: listOf(TariffSchema) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listTariffs(c.var.deps, principalOf(c), { organizationId: q.organizationId, paymentFrequency: q.paymentFrequency, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (t) => t.id), 200);
    },
  );

  app.openapi(
    route.get('/v1/tariffs/{id}', { request: { params: IdParam }, ok: { 200: TariffSchema }, errors: [404] }),
    async (c) => c.json(await getTariff(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );
}
