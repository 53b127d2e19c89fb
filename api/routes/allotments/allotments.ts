import { createRoute, z } from '@hono/zod-openapi';
import { assertAllotmentsEnabled } from '../../../src/allotments/context';
import { placePurchase } from '../../../src/allotments/purchases';
import { applyStripeEvent } from '../../../src/allotments/webhook';
import { AppError } from '../../../src/errors';
import { listAllotments } from '../../../src/repos/allotments/ledger';
import { getPurchase } from '../../../src/repos/allotments/purchases';
import { principalOf, requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { Currency, errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Context } from 'hono';
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
  })
  .openapi('CreatePurchase');

const services = (c: Context<AppEnv>) => {
  const d = c.var.deps;
  const hours = d.config.PURCHASE_PAYMENT_TIMEOUT_HOURS;
  return { sql: d.sql, temporal: d.temporal, taskQueue: d.taskQueue, stripe: d.stripe, paymentTimeout: `${hours} hours`, paymentTimeoutMs: hours * 3_600_000 };
};

export function registerAllotmentRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments', tags: ['allotments'],
      description: 'The ledger per organization × assessment: Available = Allocated − Used − Unexpired.',
      request: { query: PageQuery.extend({ organizationId: z.uuid().optional(), assessmentId: z.uuid().optional() }) },
      responses: { 200: json(listOf(AllotmentSchema)), ...errorResponses(409) },
    }),
    async (c) => {
      const sql = c.var.deps.sql;
      await assertAllotmentsEnabled(sql);
      const q = c.req.valid('query');
      const rows = await listAllotments(sql, principalOf(c), { organizationId: q.organizationId, assessmentId: q.assessmentId, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (r) => `${r.organizationId}:${r.assessmentId}`), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/allotments/purchases', tags: ['allotments'],
      description:
        'Quotes with the linked price list and creates a Stripe PaymentIntent (metadata.purchaseId); the units are allocated when Stripe confirms payment. ' +
        'Admins may grant with paymentMethod "manual" (no Stripe). Unpaid purchases expire after PURCHASE_PAYMENT_TIMEOUT_HOURS.',
      request: { body: jsonBody(CreatePurchase) },
      responses: { 201: json(PurchaseSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const purchase = await placePurchase(services(c), p, c.req.valid('json'));
      return c.json(presentPurchase(purchase), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments/purchases/{id}', tags: ['allotments'],
      request: { params: IdParam },
      responses: { 200: json(PurchaseSchema), ...errorResponses(404, 409) },
    }),
    async (c) => {
      await assertAllotmentsEnabled(c.var.deps.sql);
      return c.json(presentPurchase(await getPurchase(c.var.deps.sql, principalOf(c), c.req.valid('param').id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/stripe/webhook', tags: ['stripe'], security: [],
      description: 'Stripe events, verified by the Stripe-Signature header. checkout.session.completed and payment_intent.succeeded pay a purchase; each event id is applied once.',
      request: { headers: z.object({ 'stripe-signature': z.string().optional() }) },
      responses: { 200: json(z.object({ received: z.boolean(), result: z.enum(['applied', 'duplicate', 'ignored']) })), ...errorResponses(409) },
    }),
    async (c) => {
      const { stripe, config } = c.var.deps;
      if (!stripe || !config.STRIPE_WEBHOOK_SECRET) throw new AppError('STRIPE_NOT_CONNECTED', 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
      const signature = c.req.header('stripe-signature');
      const raw = await c.req.text();
      let event;
      try {
        if (!signature) throw new Error('missing');
        event = await stripe.webhooks.constructEventAsync(raw, signature, config.STRIPE_WEBHOOK_SECRET);
      } catch {
        throw new AppError('INVALID_SIGNATURE', 'The Stripe-Signature header does not match the payload');
      }
      const result = await applyStripeEvent(services(c), event);
      return c.json({ received: true, result }, 200);
    },
  );
}
