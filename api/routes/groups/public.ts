import { z } from '@hono/zod-openapi';
import { claimAccess, verifyClaim } from '../../../src/groups/claims';
import { redeem } from '../../../src/groups/redemptions';
import { json, jsonBody } from '../../schemas';
import { routesOf } from '../../route-spec';
import type { Router } from '../../router';
import { presentClaim } from './present';
import { ClaimSchema, Email, PersonName, RedemptionSchema } from './schemas';

const Redeem = z
  .strictObject({ code: z.string().trim().min(3).max(80), email: Email, name: PersonName })
  .openapi('Redeem', { example: { code: 'XYZCOUPONCODE', email: 'ana@xyz.example', name: 'Ana' } });

const Claim = z.strictObject({ groupId: z.uuid(), email: Email, name: PersonName }).openapi('ClaimAccess');
const Verify = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'the six digits from the e-mail') }).openapi('VerifyClaim');

const route = routesOf('group subscriptions');

export function registerPublicGroupRoutes(app: Router) {
  app.openapi(
    route.post('/v1/public/redemptions', {
      description:
        'Public, limited per code (at least its redemptions a minute; unknown codes count against the caller\'s address). Redeems a campaign code: the user gets a subscription on the group\'s users plan with ' +
        'the 100 %-off promotion code. Unknown code 404; 409 CODE_EXPIRED, CODE_EXHAUSTED, CODE_DEACTIVATED, ALREADY_REDEEMED (this address ' +
        'redeemed this campaign), ALREADY_SUBSCRIBED (this address is in the group already) or INVALID_STATE (campaign not active yet). ' +
        'status pending: counted, the subscription is still being created in Stripe.',
      security: [],
      request: { body: jsonBody(Redeem) },
      ok: { 201: json(RedemptionSchema, 'Redeemed') }, errors: [404, 409, 429, 503],
    }),
    async (c) => c.json(await redeem(c.var.deps, c.req.valid('json')), 201),
  );

  app.openapi(
    route.post('/v1/public/access-claims', {
      security: [],
      description:
        'Public, limited per group (unknown groups count against the caller\'s address). From an address in the group\'s IP ranges (as the server sees it): 201, subscribed. ' +
        'Otherwise, an e-mail in one of its domains: 202, a six-digit code is e-mailed (valid 15 minutes, 5 tries) to confirm with ' +
        'POST /v1/public/access-claims/{id}/verify. Neither: 403. Once per address: a repeat answers 200 with the existing subscription.',
      request: { body: jsonBody(Claim) },
      ok: { 200: json(ClaimSchema, 'Already subscribed'), 201: json(ClaimSchema, 'Granted'), 202: json(ClaimSchema, 'Code sent') },
      errors: [403, 404, 409, 429, 503],
    }),
    async (c) => {
      const outcome = await claimAccess(c.var.deps, c.req.valid('json'), c.var.clientIp());
      return c.json(presentClaim(outcome), outcome.kind === 'verification_sent' ? 202 : outcome.existing ? 200 : 201);
    },
  );

  app.openapi(
    route.post('/v1/public/access-claims/{id}/verify', {
      description:
        'Public. Proves the e-mail address with the code it received: 201 subscribed (200 when it already was). A wrong code answers 422 ' +
        'VERIFICATION_FAILED with attemptsLeft; after 5 wrong ones 409 CODE_EXHAUSTED; after 15 minutes 409 CODE_EXPIRED.',
      security: [],
      request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }), body: jsonBody(Verify) },
      ok: { 200: json(ClaimSchema, 'Already subscribed'), 201: json(ClaimSchema, 'Granted') }, errors: [404, 409, 422, 429, 503],
    }),
    async (c) => {
      const outcome = await verifyClaim(c.var.deps, c.req.valid('param').id, c.req.valid('json').code, c.var.clientIp());
      return c.json(presentClaim(outcome), outcome.kind === 'granted' && !outcome.existing ? 201 : 200);
    },
  );
}
