import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import type { Services } from '../platform/services';
import { callStripe } from '../platform/stripe';
import { recordAudit } from '../repos/audit';
import type { Page } from '../repos/list';
import {
  findCustomer,
  findPlan,
  getProduct,
  insertCustomer,
  insertPlan,
  insertProduct,
  listPlans,
  listProducts as readProducts,
  type Customer,
  type Interval,
  type Plan,
  type Product,
} from '../repos/groups/catalog';
import {
  getSubscription as readSubscription,
  insertSubscription,
  listSubscriptions as readSubscriptions,
  type Collection,
  type Subscription,
  type SubscriptionFilter,
} from '../repos/groups/subscriptions';
import { requireGroupStripe } from './stripe';

// The catalog is created in Stripe first (idempotency key and metadata from an id chosen here),
// then mirrored. A Stripe refusal leaves nothing behind; a failed mirror leaves a Stripe object
// that carries our id in its metadata and is never used.

/** Catalog writes create in Stripe, then mirror. */
type Writer = Pick<Services, 'sql' | 'stripe'>;
type Reader = Pick<Services, 'sql'>;

/** The mirror row and its audit entry, in one transaction. */
async function mirror<T extends { id: string }>(s: Reader, p: Principal, entity: string, insert: (tx: Db) => Promise<T>): Promise<T> {
  let row: T | undefined;
  await s.sql.begin(async (tx) => {
    row = await insert(tx);
    await recordAudit(tx, { actor: actorOf(p), entity, entityId: row.id, action: 'create', after: row });
  });
  return row!;
}

export async function createProduct(s: Writer, p: Principal, input: { name: string; description?: string }): Promise<Product> {
  const stripe = requireGroupStripe(s.stripe);
  const id = randomUUID();
  const product = await callStripe('product', () =>
    stripe.products.create(
      { name: input.name, ...(input.description && { description: input.description }), metadata: { productId: id } },
      { idempotencyKey: `product-${id}` },
    ),
  );
  return mirror(s, p, 'product', (tx) => insertProduct(tx, { id, name: input.name, description: input.description ?? null, stripeProductId: product.id, createdBy: p.userId }));
}

export async function createPlan(
  s: Writer,
  p: Principal,
  productId: string,
  input: { name: string; description: string; amount: number; currency: string; interval: Interval },
): Promise<Plan> {
  const stripe = requireGroupStripe(s.stripe);
  const product = await getProduct(s.sql, productId);
  const id = randomUUID();
  const price = await callStripe('price', () =>
    stripe.prices.create(
      {
        product: product.stripeProductId,
        unit_amount: input.amount,
        currency: input.currency.toLowerCase(),
        recurring: { interval: input.interval },
        nickname: input.name,
        metadata: { planId: id, productId },
      },
      { idempotencyKey: `plan-${id}` },
    ),
  );
  return mirror(s, p, 'plan', (tx) => insertPlan(tx, { id, productId, ...input, stripePriceId: price.id, createdBy: p.userId }));
}

export async function createCustomer(s: Writer, p: Principal, input: { name: string; email: string }): Promise<Customer> {
  const stripe = requireGroupStripe(s.stripe);
  const id = randomUUID();
  const customer = await callStripe('customer', () =>
    stripe.customers.create({ name: input.name, email: input.email, metadata: { customerId: id } }, { idempotencyKey: `customer-${id}` }),
  );
  return mirror(s, p, 'customer', (tx) => insertCustomer(tx, { id, ...input, stripeCustomerId: customer.id, createdBy: p.userId }));
}

export const DEFAULT_DAYS_UNTIL_DUE = 30;

export async function createSubscription(
  s: Writer,
  p: Principal,
  input: { customerId: string; planId: string; collection: Collection; daysUntilDue?: number },
): Promise<Subscription> {
  const stripe = requireGroupStripe(s.stripe);
  const [customer, plan] = await Promise.all([findCustomer(s.sql, input.customerId), findPlan(s.sql, input.planId)]);
  if (!customer) throw notFound('Customer');
  if (!plan) throw notFound('Plan');
  if (!customer.stripeCustomerId) throw new AppError('INVALID_STATE', 'This customer is still being created in Stripe');
  if (input.collection === 'charge_automatically' && input.daysUntilDue !== undefined) {
    throw new AppError('VALIDATION_FAILED', 'daysUntilDue applies to send_invoice only', { errors: [{ path: 'daysUntilDue', message: 'only with collection send_invoice' }] });
  }
  const daysUntilDue = input.collection === 'send_invoice' ? (input.daysUntilDue ?? DEFAULT_DAYS_UNTIL_DUE) : null;
  const id = randomUUID();
  const created = await callStripe('subscription', () =>
    stripe.subscriptions.create(
      {
        customer: customer.stripeCustomerId!,
        items: [{ price: plan.stripePriceId }],
        collection_method: input.collection,
        ...(daysUntilDue !== null && { days_until_due: daysUntilDue }),
        metadata: { subscriptionId: id, customerId: customer.id, planId: plan.id },
      },
      { idempotencyKey: `subscription-${id}` },
    ),
  );
  return mirror(s, p, 'subscription', (tx) =>
    insertSubscription(tx, {
      id, customerId: customer.id, planId: plan.id, collection: input.collection, daysUntilDue, source: 'direct',
      status: 'active', stripeSubscriptionId: created.id, stripeStatus: created.status, createdBy: p.userId,
    }),
  );
}

export function listProducts(s: Reader, q: Page): Promise<Product[]> {
  return readProducts(s.sql, q);
}

/** A product with its plans. */
export async function getProductWithPlans(s: Reader, id: string): Promise<Product & { plans: Plan[] }> {
  const product = await getProduct(s.sql, id);
  return { ...product, plans: await listPlans(s.sql, product.id) };
}

export async function getCustomer(s: Reader, id: string): Promise<Customer> {
  const customer = await findCustomer(s.sql, id);
  if (!customer) throw notFound('Customer');
  return customer;
}

/** Admins: every subscription; managers: the subscriptions of the groups they run. Filters combine. */
export function listSubscriptions(s: Reader, p: Principal, q: SubscriptionFilter): Promise<Subscription[]> {
  return readSubscriptions(s.sql, p, q);
}

export function getSubscription(s: Reader, p: Principal, id: string): Promise<Subscription> {
  return readSubscription(s.sql, p, id);
}
