import { createRoute } from '@hono/zod-openapi';
import { createDistribution, getDistribution, listDistributions } from '../../../src/sales/distributions';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { CreateDistribution, DistributionSchema } from './schemas';

export function registerDistributionRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/distributions',
      tags: ['sales'],
      description: 'Admin only. A catalog entry sales are registered against, e.g. "IT PRO / Practice Test".',
      request: { body: jsonBody(CreateDistribution) },
      responses: { 201: json(DistributionSchema, 'Created'), ...errorResponses(403) },
    }),
    async (c) => c.json(await createDistribution(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/distributions',
      tags: ['sales'],
      description: 'The catalog, readable by every signed-in user.',
      request: { query: PageQuery },
      responses: { 200: json(listOf(DistributionSchema)), ...errorResponses() },
    }),
    async (c) => {
      principalOf(c);
      const q = c.req.valid('query');
      const rows = await listDistributions(c.var.deps, { after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (d) => d.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/distributions/{id}',
      tags: ['sales'],
      request: { params: IdParam },
      responses: { 200: json(DistributionSchema), ...errorResponses(404) },
    }),
    async (c) => {
      principalOf(c);
      return c.json(await getDistribution(c.var.deps, c.req.valid('param').id), 200);
    },
  );
}
