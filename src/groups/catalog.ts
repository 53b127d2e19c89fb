import { createHash, randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import type { Db } from '../db/connect';
import { chooseCollection, hasEnded, stripeStateOf } from '../domain/groups/subscriptions';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import type { Services } from '../platform/services';
import { callStripe } from '../platform/stripe';
import { recordAudit } from '../repos/audit';
import type { Page } from '../repos/list';
import { subscriptionCreated } from './events';
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

/**
 * The card Stripe would charge this customer: Stripe's own answer (the customer's
 * invoice_settings.default_payment_method, or a legacy default source), else the default the last
 * verified event told us (a SetupIntent that succeeded, a customer.updated) and that Stripe may
 * not show yet.
 */
async function defaultPaymentMethod(stripe: Stripe, customer: Customer): Promise<string | null> {
  const found = await callStripe('subscription', () => stripe.customers.retrieve(customer.stripeCustomerId!));
  if (found.deleted) throw new AppError('UNPROCESSABLE', 'This customer was deleted in Stripe');
  const pm = found.invoice_settings?.default_payment_method;
  const source = found.default_source;
  return (typeof pm === 'string' ? pm : pm?.id) ?? (typeof source === 'string' ? source : source?.id) ?? customer.defaultPaymentMethodId;
}

/**
 * "You can either charge them on a CC if one is available or an invoice will be sent to them"
 * (seed 003): without an explicit collection, a default card in Stripe is charged automatically
 * (that card, named on the subscription) and no card means Stripe e-mails an invoice due after
 * daysUntilDue. An explicit collection is kept as asked.
 */
export async function createSubscription(
  s: Writer,
  p: Principal,
  input: { customerId: string; planId: string; collection?: Collection; daysUntilDue?: number },
): Promise<Subscription> {
  const stripe = requireGroupStripe(s.stripe);
  const [customer, plan] = await Promise.all([findCustomer(s.sql, input.customerId), findPlan(s.sql, input.planId)]);
  if (!customer) throw notFound('Customer');
  if (!plan) throw notFound('Plan');
  if (!customer.stripeCustomerId) throw new AppError('INVALID_STATE', 'This customer is still being created in Stripe');
  if (input.collection === 'charge_automatically' && input.daysUntilDue !== undefined) {
    throw new AppError('VALIDATION_FAILED', 'daysUntilDue applies to send_invoice only', { errors: [{ path: 'daysUntilDue', message: 'only with collection send_invoice' }] });
  }
  const card = input.collection ? null : await defaultPaymentMethod(stripe, customer);
  const { collection, reason } = chooseCollection(input.collection, card);
  const daysUntilDue = collection === 'send_invoice' ? (input.daysUntilDue ?? DEFAULT_DAYS_UNTIL_DUE) : null;
  const id = randomUUID();
  const created = await callStripe('subscription', () =>
    stripe.subscriptions.create(
      {
        customer: customer.stripeCustomerId!,
        items: [{ price: plan.stripePriceId }],
        collection_method: collection,
        ...(daysUntilDue !== null && { days_until_due: daysUntilDue }),
        ...(card?.startsWith('pm_') && { default_payment_method: card }),
        metadata: { subscriptionId: id, customerId: customer.id, planId: plan.id },
      },
      { idempotencyKey: `subscription-${id}` },
    ),
  );
  const state = stripeStateOf(created.status, created.created);
  return mirror(s, p, 'subscription', async (tx) => {
    const sub = await insertSubscription(tx, {
      id, customerId: customer.id, planId: plan.id, collection, daysUntilDue, collectionReason: reason, source: 'direct',
      status: state.status, stripeSubscriptionId: created.id, stripeStatus: created.status, stripeStatusAt: state.at,
      endedAt: hasEnded(state.status) ? state.at : null, createdBy: p.userId,
    });
    // A direct subscription belongs to no group yet: a site-wide event (admins see it).
    await subscriptionCreated(tx, sub, null);
    return sub;
  });
}

export interface SetupIntentAnswer {
  id: string;
  customerId: string;
  status: string;
  /** For Stripe.js (confirmCardSetup) only: answered once, never stored or logged. */
  clientSecret: string;
}

/**
 * Puts a card on file: a SetupIntent for the customer (off-session use) whose client secret the
 * caller hands to Stripe.js. Once the card is confirmed, Stripe sends setup_intent.succeeded and
 * the card becomes the customer's default (src/groups/stripe-events.ts). A repeated request with
 * the same Idempotency-Key gets the same SetupIntent from Stripe (the key is derived from it), so
 * nothing here needs to keep the secret.
 */
export async function createSetupIntent(s: Writer, p: Principal, customerId: string, o: { idempotencyKey?: string } = {}): Promise<SetupIntentAnswer> {
  const stripe = requireGroupStripe(s.stripe);
  const customer = await findCustomer(s.sql, customerId);
  if (!customer) throw notFound('Customer');
  if (!customer.stripeCustomerId) throw new AppError('INVALID_STATE', 'This customer is still being created in Stripe');
  const key = o.idempotencyKey
    ? `setup-intent-${customer.id}-${createHash('sha256').update(`${p.userId}\n${o.idempotencyKey}`).digest('hex').slice(0, 32)}`
    : `setup-intent-${randomUUID()}`;
  const intent = await callStripe('SetupIntent', () =>
    stripe.setupIntents.create(
      { customer: customer.stripeCustomerId!, usage: 'off_session', metadata: { customerId: customer.id } },
      { idempotencyKey: key },
    ),
  );
  if (!intent.client_secret) throw new AppError('UNAVAILABLE', 'Stripe answered the SetupIntent without a client secret; try again');
  await recordAudit(s.sql, { actor: actorOf(p), entity: 'customer', entityId: customer.id, action: 'setup_intent', after: { setupIntentId: intent.id, status: intent.status } });
  return { id: intent.id, customerId: customer.id, status: intent.status, clientSecret: intent.client_secret };
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
