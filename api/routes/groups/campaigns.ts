import { createRoute, z } from '@hono/zod-openapi';
import { campaignCodesCsv, createCampaign, deactivateCampaign, getCampaign, listCampaigns } from '../../../src/groups/campaigns';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { presentCampaign } from './present';
import { CampaignSchema, CreateCampaign } from './schemas';

export function registerCampaignRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/groups/{id}/campaigns', tags: ['group subscriptions'],
      description:
        'A coupon campaign on the group\'s users plan (workflow campaign-<id>): a 100 %-off Stripe coupon and either one shared code ' +
        'redeemable maxRedemptions times, or `count` unique single-use codes created in batches (progress: codesCreated). ' +
        'Status creating → active → closed at endsAt, or deactivated. Codes are unique forever, whatever their case.',
      request: { params: IdParam, body: jsonBody(CreateCampaign) },
      responses: { 201: json(CampaignSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const campaign = await createCampaign(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json'));
      c.header('Location', `/v1/campaigns/${campaign.id}`);
      return c.json(presentCampaign(campaign), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/groups/{id}/campaigns', tags: ['group subscriptions'],
      request: { params: IdParam, query: PageQuery },
      responses: { 200: json(listOf(CampaignSchema)), ...errorResponses(404) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listCampaigns(c.var.deps, principalOf(c), c.req.valid('param').id, { after: q.cursor, limit: q.limit + 1 });
      const result = page(rows, q.limit, (r) => r.id);
      return c.json({ ...result, items: result.items.map(presentCampaign) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/campaigns/{id}', tags: ['group subscriptions'],
      request: { params: IdParam },
      responses: { 200: json(CampaignSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(presentCampaign(await getCampaign(c.var.deps, principalOf(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/campaigns/{id}/codes', tags: ['group subscriptions'],
      description: 'text/csv with columns code, maxRedemptions, redemptions: every code that exists in Stripe (all of them once the campaign is active).',
      request: { params: IdParam },
      responses: {
        200: { description: 'The codes', content: { 'text/csv': { schema: z.string().openapi({ example: 'code,maxRedemptions,redemptions\r\nK7M2QX9PLR4T,1,0\r\n' }) } } },
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const csv = await campaignCodesCsv(c.var.deps, principalOf(c), id);
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="campaign-${id}-codes.csv"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/campaigns/{id}/deactivate', tags: ['group subscriptions'],
      description:
        'Stops the campaign at once: its codes answer 409 CODE_DEACTIVATED from now on, no more codes are created, and the coupon is ' +
        'deleted in Stripe (subscriptions already made keep their discount). Repeating it is harmless; a closed campaign answers 409 INVALID_STATE.',
      request: { params: IdParam, body: { content: { 'application/json': { schema: z.strictObject({}) } } } },
      responses: { 200: json(CampaignSchema), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(presentCampaign(await deactivateCampaign(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id)), 200),
  );
}
