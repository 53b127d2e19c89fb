import { createRoute, z } from '@hono/zod-openapi';
import { listAllotments } from '../../../src/allotments/ledger';
import { getPurchase, placePurchase } from '../../../src/allotments/purchases';
import { principalOf, requireRole } from '../../auth';
import { ALLOTMENT_CURSOR } from '../../../src/domain/cursor';
import { Currency, errorResponses, IdParam, json, jsonBody, listOf, page, pageQuery } from '../../schemas';
import { withholdOnReplay } from '../../idempotency';
import type { Router } from '../../router';
import { presentPurchase } from './present';
import { AllotmentSchema, PurchaseSchema } from './schemas';

const CreatePurchase = z
  .strictObject({
    organizationId: z.uuid(),
    assessmentId: z.uuid(),
    quantity: z.number().int().min(1).max(1_000_000),
    currency: Currency,
    paymentMethod: z.enum(['stripe', 'manual']).optional().openapi({ description: '"manual": an admin grant without payment' }),
    checkout: z.boolean().optional().openapi({ description: 'true: pay on a Stripe-hosted Checkout page (the answer carries checkoutUrl); default: a PaymentIntent (clientSecret)' }),
  })
  .openapi('CreatePurchase');

export function registerAllotmentRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments', tags: ['allotments'],
      description: 'The ledger per organization × assessment: Available = Allocated − Used − Unexpired.',
      request: { query: pageQuery(ALLOTMENT_CURSOR).extend({ organizationId: z.uuid().optional(), assessmentId: z.uuid().optional() }) },
      responses: { 200: json(listOf(AllotmentSchema)), ...errorResponses(409) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listAllotments(c.var.deps, principalOf(c), { organizationId: q.organizationId, assessmentId: q.assessmentId, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (r) => `${r.organizationId}:${r.assessmentId}`, ALLOTMENT_CURSOR), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/allotments/purchases', tags: ['allotments'],
      description:
        'Quotes with the linked price list and creates a Stripe PaymentIntent (clientSecret), or with checkout: true a Stripe-hosted Checkout Session ' +
        '(checkoutUrl; success and cancel pages under PUBLIC_BASE_URL), both with metadata.purchaseId; the units are allocated when Stripe confirms that very ' +
        'payment (id, amount and currency). Admins may grant with paymentMethod "manual" (no Stripe). Unpaid purchases expire after PURCHASE_PAYMENT_TIMEOUT_HOURS.',
      request: { body: jsonBody(CreatePurchase) },
      responses: { 201: json(PurchaseSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const purchase = presentPurchase(await placePurchase(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')));
      // The client secret stays in Stripe: a replay answers clientSecret null (GET the purchase for it).
      withholdOnReplay(c, { fields: ['clientSecret'], replay: 'without' });
      return c.json(purchase, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments/purchases/{id}', tags: ['allotments'],
      request: { params: IdParam },
      responses: { 200: json(PurchaseSchema), ...errorResponses(404, 409) },
    }),
    async (c) => c.json(presentPurchase(await getPurchase(c.var.deps, principalOf(c), c.req.valid('param').id)), 200),
  );
}
