import { randomUUID } from 'node:crypto';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import { findCustomer, findPlan, getProduct, insertCustomer, insertPlan, insertProduct, type Interval } from '../repos/groups/catalog';
import { insertSubscription, type Collection } from '../repos/groups/subscriptions';
import { callStripe, requireStripe, type GroupServices } from './context';

// The catalog is created in Stripe first (idempotency key and metadata from an id chosen here),
// then mirrored. A Stripe refusal leaves nothing behind; a failed mirror leaves a Stripe object
// that carries our id in its metadata and is never used.

type Services = Pick<GroupServices, 'sql' | 'stripe'>;

export async function createProduct(s: Services, p: Principal, input: { name: string; description?: string }) {
  const stripe = requireStripe(s.stripe);
  const id = randomUUID();
  const product = await callStripe('product', () =>
    stripe.products.create(
      { name: input.name, ...(input.description && { description: input.description }), metadata: { productId: id } },
      { idempotencyKey: `product-${id}` },
    ),
  );
  return s.sql.begin(async (tx) => {
    const row = await insertProduct(tx, { id, name: input.name, description: input.description ?? null, stripeProductId: product.id, createdBy: p.userId });
    await recordAudit(tx, { actor: actorOf(p), entity: 'product', entityId: id, action: 'create', after: row });
    return row;
  });
}

export async function createPlan(
  s: Services,
  p: Principal,
  productId: string,
  input: { name: string; description: string; amount: number; currency: string; interval: Interval },
) {
  const stripe = requireStripe(s.stripe);
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
  return s.sql.begin(async (tx) => {
    const row = await insertPlan(tx, { id, productId, ...input, stripePriceId: price.id, createdBy: p.userId });
    await recordAudit(tx, { actor: actorOf(p), entity: 'plan', entityId: id, action: 'create', after: row });
    return row;
  });
}

export async function createCustomer(s: Services, p: Principal, input: { name: string; email: string }) {
  const stripe = requireStripe(s.stripe);
  const id = randomUUID();
  const customer = await callStripe('customer', () =>
    stripe.customers.create({ name: input.name, email: input.email, metadata: { customerId: id } }, { idempotencyKey: `customer-${id}` }),
  );
  return s.sql.begin(async (tx) => {
    const row = await insertCustomer(tx, { id, ...input, stripeCustomerId: customer.id, createdBy: p.userId });
    await recordAudit(tx, { actor: actorOf(p), entity: 'customer', entityId: id, action: 'create', after: row });
    return row;
  });
}

export const DEFAULT_DAYS_UNTIL_DUE = 30;

export async function createSubscription(
  s: Services,
  p: Principal,
  input: { customerId: string; planId: string; collection: Collection; daysUntilDue?: number },
) {
  const stripe = requireStripe(s.stripe);
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
  return s.sql.begin(async (tx) => {
    const row = await insertSubscription(tx, {
      id, customerId: customer.id, planId: plan.id, collection: input.collection, daysUntilDue, source: 'direct',
      status: 'active', stripeSubscriptionId: created.id, stripeStatus: created.status, createdBy: p.userId,
    });
    await recordAudit(tx, { actor: actorOf(p), entity: 'subscription', entityId: id, action: 'create', after: row });
    return row;
  });
}
