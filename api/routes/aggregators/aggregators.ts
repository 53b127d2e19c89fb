import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  assignTariff,
  createAggregator,
  deactivateAggregator,
  getAggregator,
  listAggregators,
  unassignTariff,
  type CommandOutcome,
} from '../../../src/aggregators/integrations';
import { principalOf, requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import { routesOf } from '../../route-spec';
import type { Router } from '../../router';
import { AggregatorSchema, DryRunQuery, DryRunSchema, presentAggregator } from './schemas';

export const CreateAggregator = z
  .strictObject({ organizationId: z.uuid().openapi({ description: 'The studio' }), name: z.string().trim().min(1).max(200) })
  .openapi('CreateAggregator');

export const AssignTariff = z.strictObject({ tariffId: z.uuid() }).openapi('AssignTariff');

/** What assigning, unassigning and deactivating answer. */
const commandAnswers = {
  ok: {
    200: json(z.union([AggregatorSchema, DryRunSchema]), 'Nothing to change (the integration as it is), or the dry run'),
    202: json(AggregatorSchema, 'Accepted: the backfill runs; follow profilesDone / state with GET'),
  },
  errors: [403, 404, 409, 422],
};

/** 202 when a backfill started, 200 when nothing changes or for a dry run. */
const answer = (c: Context<AppEnv>, outcome: CommandOutcome) =>
  'dryRun' in outcome ? c.json(outcome, 200) : outcome.accepted ? c.json(presentAggregator(outcome.aggregator), 202) : c.json(presentAggregator(outcome.aggregator), 200);

const route = routesOf('aggregators');

export function registerAggregatorRoutes(app: Router) {
  app.openapi(
    route.post('/v1/aggregators', {
      description: 'An aggregator partner integration of a studio: active, no tariff. Starts its workflow aggregator-<id>.',
      request: { body: jsonBody(CreateAggregator) },
      ok: { 201: AggregatorSchema }, errors: [403, 404],
    }),
    async (c) => c.json(presentAggregator(await createAggregator(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json'))), 201),
  );

  app.openapi(
    route.get('/v1/aggregators', {
      request: { query: PageQuery.extend({ organizationId: z.uuid().optional(), status: z.enum(['active', 'inactive']).optional() }) },
      ok: { 200: listOf(AggregatorSchema) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listAggregators(c.var.deps, principalOf(c), { organizationId: q.organizationId, status: q.status, after: q.cursor, limit: q.limit + 1 });
      const result = page(rows, q.limit, (a) => a.id);
      return c.json({ items: result.items.map(presentAggregator), nextCursor: result.nextCursor }, 200);
    },
  );

  app.openapi(
    route.get('/v1/aggregators/{id}', {
      description: 'The integration with its assignment progress (profilesTotal, profilesDone, state).',
      request: { params: IdParam },
      ok: { 200: AggregatorSchema }, errors: [404],
    }),
    async (c) => c.json(presentAggregator(await getAggregator(c.var.deps, principalOf(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    route.put('/v1/aggregators/{id}/tariff', {
      description:
        'Assigns a FREE tariff of the same studio (package advanced or higher: else 403 PACKAGE_REQUIRED; not FREE: 422 TARIFF_NOT_FREE). ' +
        'Every profile of the aggregator gets a contract on it, in batches; a different tariff moves them all; the same tariff again changes nothing (200).',
      request: { params: IdParam, query: DryRunQuery, body: jsonBody(AssignTariff) },
      ...commandAnswers,
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { id } = c.req.valid('param');
      return answer(c, await assignTariff(c.var.deps, p, id, c.req.valid('json').tariffId, { dryRun: c.req.valid('query').dryRun }));
    },
  );

  app.openapi(
    route.delete('/v1/aggregators/{id}/tariff', {
      description: "Unassigns the tariff: the aggregator's contracts are terminated, in batches. Without a tariff this changes nothing (200).",
      request: { params: IdParam, query: DryRunQuery },
      ...commandAnswers,
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      return answer(c, await unassignTariff(c.var.deps, p, c.req.valid('param').id, { dryRun: c.req.valid('query').dryRun }));
    },
  );

  app.openapi(
    route.post('/v1/aggregators/{id}/deactivate', {
      description:
        'Final. Terminates the contracts based on the assigned tariff, removes the aggregator id from its profiles (they stay, as plain prospects) ' +
        'and sets status inactive. Deactivating again changes nothing (200).',
      request: { params: IdParam, query: DryRunQuery, body: { content: { 'application/json': { schema: z.strictObject({}) } } } },
      ...commandAnswers,
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      return answer(c, await deactivateAggregator(c.var.deps, p, c.req.valid('param').id, { dryRun: c.req.valid('query').dryRun }));
    },
  );
}
