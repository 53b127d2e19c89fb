import { z } from '@hono/zod-openapi';
import { campaignCodesCsv, createCampaign, deactivateCampaign, getCampaign, listCampaigns } from '../../../src/groups/campaigns';
import { principalOf, requireRole } from '../../auth';
import { IdParam, jsonBody, listOf, page, PageQuery } from '../../schemas';
import { routesOf } from '../../route-spec';
import type { Router } from '../../router';
import { presentCampaign } from './present';
import { CampaignSchema, CreateCampaign } from './schemas';

const route = routesOf('group subscriptions');

export function registerCampaignRoutes(app: Router) {
  app.openapi(
    route.post('/v1/groups/{id}/campaigns', {
      description:
        'A coupon campaign on the group\'s users plan (workflow campaign-<id>): a 100 %-off Stripe coupon and either one shared code ' +
        'redeemable maxRedemptions times, or `count` unique single-use codes created in batches (progress: codesCreated). ' +
        'Status creating → active → closed at endsAt, or deactivated. Codes are unique forever, whatever their case.',
      request: { params: IdParam, body: jsonBody(CreateCampaign) },
      ok: { 201: CampaignSchema }, errors: [403, 404, 409],
    }),
    async (c) => {
      const campaign = await createCampaign(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json'));
      c.header('Location', `/v1/campaigns/${campaign.id}`);
      return c.json(presentCampaign(campaign), 201);
    },
  );

  app.openapi(
    route.get('/v1/groups/{id}/campaigns', { request: { params: IdParam, query: PageQuery }, ok: { 200: listOf(CampaignSchema) }, errors: [404] }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listCampaigns(c.var.deps, principalOf(c), c.req.valid('param').id, { after: q.cursor, limit: q.limit + 1 });
      const result = page(rows, q.limit, (r) => r.id);
      return c.json({ ...result, items: result.items.map(presentCampaign) }, 200);
    },
  );

  app.openapi(
    route.get('/v1/campaigns/{id}', { request: { params: IdParam }, ok: { 200: CampaignSchema }, errors: [404] }),
    async (c) => c.json(presentCampaign(await getCampaign(c.var.deps, principalOf(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    route.get('/v1/campaigns/{id}/codes', {
      description: 'text/csv with columns code, maxRedemptions, redemptions: every code that exists in Stripe (all of them once the campaign is active).',
      request: { params: IdParam },
      ok: { 200: { description: 'The codes', content: { 'text/csv': { schema: z.string().openapi({ example: 'code,maxRedemptions,redemptions\r\nK7M2QX9PLR4T,1,0\r\n' }) } } } },
      errors: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const csv = await campaignCodesCsv(c.var.deps, principalOf(c), id);
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="campaign-${id}-codes.csv"` });
    },
  );

  app.openapi(
    route.post('/v1/campaigns/{id}/deactivate', {
      description:
        'Stops the campaign at once: its codes answer 409 CODE_DEACTIVATED from now on, no more codes are created, and the coupon is ' +
        'deleted in Stripe (subscriptions already made keep their discount). Repeating it is harmless; a closed campaign answers 409 INVALID_STATE.',
      request: { params: IdParam, body: { content: { 'application/json': { schema: z.strictObject({}) } } } },
      ok: { 200: CampaignSchema }, errors: [403, 404, 409],
    }),
    async (c) => c.json(presentCampaign(await deactivateCampaign(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id)), 200),
  );
}
