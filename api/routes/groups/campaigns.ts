import { z } from '@hono/zod-openapi';
import { CODE_EXPORT_COLUMNS, createCampaign, deactivateCampaign, getCampaign, listCampaignCodes, listCampaigns } from '../../../src/groups/campaigns';
import { CODE_CURSOR } from '../../../src/domain/cursor';
import { answerList, listAnswer } from '../../lists';
import { principalOf, requireRole } from '../../auth';
import { IdParam, jsonBody, listOf, page, PageQuery, pageQuery } from '../../schemas';
import { routesOf } from '../../route-spec';
import type { Router } from '../../router';
import { presentCampaign } from './present';
import { CampaignCodeSchema, CampaignSchema, CreateCampaign } from './schemas';

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
      description:
        'Every code that exists in Stripe (all of them once the campaign is active), in the order they were made: text/csv with columns code, maxRedemptions, ' +
        'redemptions (the default), or a page of JSON with Accept: application/json. ?redeemed=true: codes redeemed at least once; false: never redeemed.',
      request: {
        params: IdParam,
        query: pageQuery(CODE_CURSOR).extend({
          redeemed: z.enum(['true', 'false']).transform((v) => v === 'true').optional().openapi({ type: 'string', enum: ['true', 'false'] }),
        }),
      },
      ok: { 200: listAnswer(CampaignCodeSchema, { columns: CODE_EXPORT_COLUMNS, description: 'The codes: all of them as CSV (default), or a page of JSON' }) },
      errors: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { cursor, limit, redeemed } = c.req.valid('query');
      const p = principalOf(c);
      return answerList(c, { cursor, limit }, {
        read: (w) => listCampaignCodes(c.var.deps, p, id, { redeemed, ...w }), key: (r) => String(r.n), codec: CODE_CURSOR,
        item: CampaignCodeSchema, columns: CODE_EXPORT_COLUMNS, csvByDefault: true, name: `campaign-${id}-codes`,
      });
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
