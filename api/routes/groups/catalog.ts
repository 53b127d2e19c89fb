import { z } from '@hono/zod-openapi';
import {
  createCustomer,
  createPlan,
  createProduct,
  createSetupIntent,
  createSubscription,
  getCustomer,
  getProductWithPlans,
  getSubscription,
  listProducts,
  listSubscriptions,
} from '../../../src/groups/catalog';
import { principalOf, requireRole } from '../../auth';
import { Currency, IdParam, jsonBody, listOf, page, PageQuery } from '../../schemas';
import { routesOf } from '../../route-spec';
import type { Router } from '../../router';
import { presentCustomer, presentPlan } from './present';
import { CustomerSchema, Email, PersonName, PlanSchema, ProductSchema, SetupIntentSchema, SubscriptionSchema } from './schemas';

const CreateProduct = z
  .strictObject({ name: z.string().trim().min(1).max(200), description: z.string().trim().max(1000).optional() })
  .openapi('CreateProduct', { example: { name: 'Group owners', description: 'Billing for group owners' } });

const CreatePlan = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(1000),
    amount: z.number().int().min(0).max(99_999_999).openapi({ description: 'Minor units per interval; 0 makes a free plan' }),
    currency: Currency,
    interval: z.enum(['day', 'week', 'month', 'year']),
  })
  .openapi('CreatePlan', { example: { name: 'XYZ owner', description: 'Annual group licence', amount: 250000, currency: 'EUR', interval: 'year' } });

const CreateCustomer = z.strictObject({ name: PersonName, email: Email }).openapi('CreateCustomer');

const CreateSubscription = z
  .strictObject({
    customerId: z.uuid(),
    planId: z.uuid(),
    collection: z.enum(['charge_automatically', 'send_invoice']).optional().openapi({
      description:
        "charge_automatically: the customer's default payment method in Stripe; send_invoice: Stripe e-mails an invoice. Left out: the " +
        "customer's default card when Stripe has one, an invoice otherwise (collectionReason says which)",
    }),
    daysUntilDue: z.number().int().min(1).max(365).optional().openapi({
      description: 'When invoiced; default 30. Refused with collection charge_automatically; without collection it applies if no card is on file',
    }),
  })
  .openapi('CreateSubscription');

const SubscriptionQuery = PageQuery.extend({ planId: z.uuid().optional(), groupId: z.uuid().optional(), customerId: z.uuid().optional() });

const route = routesOf('group subscriptions');

export function registerCatalogRoutes(app: Router) {
  app.openapi(
    route.post('/v1/products', {
      description: 'Admin only. Creates the product in Stripe (metadata.productId, idempotency key product-<id>) and mirrors it.',
      request: { body: jsonBody(CreateProduct) },
      ok: { 201: ProductSchema }, errors: [403, 409, 422, 503],
    }),
    async (c) => c.json(await createProduct(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    route.get('/v1/products', {
      description: 'Admin only.',
      request: { query: PageQuery },
      ok: { 200: listOf(ProductSchema) }, errors: [403],
    }),
    async (c) => {
      requireRole(c, 'admin');
      const q = c.req.valid('query');
      return c.json(page(await listProducts(c.var.deps, { after: q.cursor, limit: q.limit + 1 }), q.limit, (p) => p.id), 200);
    },
  );

  app.openapi(
    route.get('/v1/products/{id}', {
      description: 'Admin only. The product with its plans.',
      request: { params: IdParam },
      ok: { 200: ProductSchema.extend({ plans: z.array(PlanSchema) }) }, errors: [403, 404],
    }),
    async (c) => {
      requireRole(c, 'admin');
      const product = await getProductWithPlans(c.var.deps, c.req.valid('param').id);
      return c.json({ ...product, plans: product.plans.map(presentPlan) }, 200);
    },
  );

  app.openapi(
    route.post('/v1/products/{id}/plans', {
      description: 'Admin only. A recurring Stripe price (metadata.planId, idempotency key plan-<id>). amount 0 makes a free plan.',
      request: { params: IdParam, body: jsonBody(CreatePlan) },
      ok: { 201: PlanSchema }, errors: [403, 404, 409, 422, 503],
    }),
    async (c) => c.json(presentPlan(await createPlan(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route.post('/v1/customers', {
      description: 'Admin only. A Stripe customer (metadata.customerId, idempotency key customer-<id>).',
      request: { body: jsonBody(CreateCustomer) },
      ok: { 201: CustomerSchema }, errors: [403, 409, 422, 503],
    }),
    async (c) => c.json(presentCustomer(await createCustomer(c.var.deps, requireRole(c, 'admin'), c.req.valid('json'))), 201),
  );

  app.openapi(
    route.get('/v1/customers/{id}', {
      description: 'Admin only.',
      request: { params: IdParam },
      ok: { 200: CustomerSchema }, errors: [403, 404],
    }),
    async (c) => {
      requireRole(c, 'admin');
      return c.json(presentCustomer(await getCustomer(c.var.deps, c.req.valid('param').id)), 200);
    },
  );

  app.openapi(
    route.post('/v1/customers/{id}/setup-intents', {
      description:
        'Admin only. Puts a card on file: a Stripe SetupIntent (off-session use) whose clientSecret Stripe.js confirms with the card ' +
        '(confirmCardSetup). When Stripe sends setup_intent.succeeded, the card becomes the customer\'s default (defaultPaymentMethodId) ' +
        'and subscriptions created without a collection charge it. The client secret is answered once and never stored (Cache-Control: no-store); ' +
        'a repeat with the same Idempotency-Key gets the same SetupIntent from Stripe.',
      request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: z.strictObject({}) } } } },
      ok: { 201: SetupIntentSchema }, errors: [403, 404, 409, 422, 503],
    }),
    async (c) => {
      const intent = await createSetupIntent(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, { idempotencyKey: c.req.header('idempotency-key') });
      c.header('Cache-Control', 'no-store');
      return c.json(intent, 201);
    },
  );

  app.openapi(
    route.post('/v1/subscriptions', {
      description:
        'Admin only. A Stripe subscription (metadata.subscriptionId, idempotency key subscription-<id>), charged automatically ' +
        'or invoiced (send_invoice, due after daysUntilDue, default 30); without a collection, charged to the customer\'s default card ' +
        'when Stripe has one and invoiced otherwise. Its status is Stripe\'s, kept up to date by Stripe\'s events. A group owner\'s subscription is made this way.',
      request: { body: jsonBody(CreateSubscription) },
      ok: { 201: SubscriptionSchema }, errors: [403, 404, 409, 422, 503],
    }),
    async (c) => c.json(await createSubscription(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    route.get('/v1/subscriptions', {
      description: 'Filters combine. Admins: all; managers: the subscriptions of the groups they run.',
      request: { query: SubscriptionQuery },
      ok: { 200: listOf(SubscriptionSchema) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listSubscriptions(c.var.deps, principalOf(c), { ...q, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (s) => s.id), 200);
    },
  );

  app.openapi(
    route.get('/v1/subscriptions/{id}', { request: { params: IdParam }, ok: { 200: SubscriptionSchema }, errors: [404] }),
    async (c) => c.json(await getSubscription(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );
}
