import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../../src/domain/principal';
import { DEFAULT_KEY_LENGTH_DAYS, SALES_TYPES } from '../../../src/domain/sales/types';
import { notFound } from '../../../src/errors';
import { recordAudit } from '../../../src/repos/audit';
import { findDistribution, insertDistribution, listDistributions } from '../../../src/repos/sales/distributions';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';

const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an upper-case ISO-4217 code such as EUR');

const DistributionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unitPrices: z.record(z.string(), z.number().int()).openapi({ example: { EUR: 1250, USD: 1400 } }),
    keyLengthDays: z.number().int(),
    salesTypes: z.array(z.enum(SALES_TYPES)),
    createdAt: z.date(),
  })
  .openapi('Distribution');

const CreateDistribution = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unitPrices: z
      .record(CurrencyCode, z.number().int().min(0).max(1_000_000_000))
      .refine((prices) => Object.keys(prices).length > 0, 'give at least one currency')
      .openapi({ description: 'Minor units per user, keyed by ISO-4217 currency', example: { EUR: 1250 } }),
    keyLengthDays: z.number().int().min(1).max(3650).default(DEFAULT_KEY_LENGTH_DAYS),
    salesTypes: z.array(z.enum(SALES_TYPES)).min(1).default(['per_user']),
  })
  .openapi('CreateDistribution');

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
    async (c) => {
      const p = requireRole(c, 'admin');
      const body = c.req.valid('json');
      const input = { ...body, salesTypes: [...new Set(body.salesTypes)] };
      const distribution = await c.var.deps.sql.begin(async (tx) => {
        const created = await insertDistribution(tx, input);
        await recordAudit(tx, { actor: actorOf(p), entity: 'distribution', entityId: created.id, action: 'create', after: created });
        return created;
      });
      return c.json(distribution, 201);
    },
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
      const rows = await listDistributions(c.var.deps.sql, { after: q.cursor, limit: q.limit + 1 });
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
      const d = await findDistribution(c.var.deps.sql, c.req.valid('param').id);
      if (!d) throw notFound('Distribution');
      return c.json(d, 200);
    },
  );
}
