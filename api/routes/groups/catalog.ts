import { createRoute, z } from '@hono/zod-openapi';
import {
  createCustomer,
  createPlan,
  createProduct,
  createSubscription,
  getCustomer,
  getProductWithPlans,
  getSubscription,
  listProducts,
  listSubscriptions,
} from '../../../src/groups/catalog';
import { principalOf, requireRole } from '../../auth';
import { Currency, errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { presentPlan } from './present';
import { CustomerSchema, Email, PersonName, PlanSchema, ProductSchema, SubscriptionSchema } from './schemas';

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
    collection: z.enum(['charge_automatically', 'send_invoice']).openapi({
      description: "charge_automatically: the customer's default payment method in Stripe; send_invoice: Stripe e-mails an invoice",
    }),
    daysUntilDue: z.number().int().min(1).max(365).optional().openapi({ description: 'send_invoice only; default 30' }),
  })
  .openapi('CreateSubscription');

const SubscriptionQuery = PageQuery.extend({ planId: z.uuid().optional(), groupId: z.uuid().optional(), customerId: z.uuid().optional() });

export function registerCatalogRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/products', tags: ['group subscriptions'],
      description: 'Admin only. Creates the product in Stripe (metadata.productId, idempotency key product-<id>) and mirrors it.',
      request: { body: jsonBody(CreateProduct) },
      responses: { 201: json(ProductSchema, 'Created'), ...errorResponses(403, 409, 422, 503) },
    }),
    async (c) => c.json(await createProduct(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/products', tags: ['group subscriptions'], description: 'Admin only.',
      request: { query: PageQuery },
      responses: { 200: json(listOf(ProductSchema)), ...errorResponses(403) },
    }),
    async (c) => {
      requireRole(c, 'admin');
      const q = c.req.valid('query');
      return c.json(page(await listProducts(c.var.deps, { after: q.cursor, limit: q.limit + 1 }), q.limit, (p) => p.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/products/{id}', tags: ['group subscriptions'], description: 'Admin only. The product with its plans.',
      request: { params: IdParam },
      responses: { 200: json(ProductSchema.extend({ plans: z.array(PlanSchema) })), ...errorResponses(403, 404) },
    }),
    async (c) => {
      requireRole(c, 'admin');
      const product = await getProductWithPlans(c.var.deps, c.req.valid('param').id);
      return c.json({ ...product, plans: product.plans.map(presentPlan) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/products/{id}/plans', tags: ['group subscriptions'],
      description: 'Admin only. A recurring Stripe price (metadata.planId, idempotency key plan-<id>). amount 0 makes a free plan.',
      request: { params: IdParam, body: jsonBody(CreatePlan) },
      responses: { 201: json(PlanSchema, 'Created'), ...errorResponses(403, 404, 409, 422, 503) },
    }),
    async (c) => c.json(presentPlan(await createPlan(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/customers', tags: ['group subscriptions'],
      description: 'Admin only. A Stripe customer (metadata.customerId, idempotency key customer-<id>).',
      request: { body: jsonBody(CreateCustomer) },
      responses: { 201: json(CustomerSchema, 'Created'), ...errorResponses(403, 409, 422, 503) },
    }),
    async (c) => c.json(await createCustomer(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/customers/{id}', tags: ['group subscriptions'], description: 'Admin only.',
      request: { params: IdParam },
      responses: { 200: json(CustomerSchema), ...errorResponses(403, 404) },
    }),
    async (c) => {
      requireRole(c, 'admin');
      return c.json(await getCustomer(c.var.deps, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/subscriptions', tags: ['group subscriptions'],
      description:
        'Admin only. A Stripe subscription (metadata.subscriptionId, idempotency key subscription-<id>), charged automatically ' +
        'or invoiced (send_invoice, due after daysUntilDue, default 30). A group owner\'s subscription is made this way.',
      request: { body: jsonBody(CreateSubscription) },
      responses: { 201: json(SubscriptionSchema, 'Created'), ...errorResponses(403, 404, 409, 422, 503) },
    }),
    async (c) => c.json(await createSubscription(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/subscriptions', tags: ['group subscriptions'],
      description: 'Filters combine. Admins: all; managers: the subscriptions of the groups they run.',
      request: { query: SubscriptionQuery },
      responses: { 200: json(listOf(SubscriptionSchema)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listSubscriptions(c.var.deps, principalOf(c), { ...q, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (s) => s.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/subscriptions/{id}', tags: ['group subscriptions'],
      request: { params: IdParam },
      responses: { 200: json(SubscriptionSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getSubscription(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );
}
