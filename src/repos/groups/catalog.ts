import type { Db } from '../../db/connect';
import { notFound } from '../../errors';

export type Interval = 'day' | 'week' | 'month' | 'year';

export interface Product {
  id: string;
  name: string;
  description: string | null;
  stripeProductId: string;
  createdAt: Date;
}

export interface Plan {
  id: string;
  productId: string;
  name: string;
  description: string;
  amount: number;
  currency: string;
  interval: Interval;
  stripePriceId: string;
  createdAt: Date;
}

export interface Customer {
  id: string;
  name: string;
  email: string;
  stripeCustomerId: string | null;
  /** The card Stripe charges by default, as the last verified event said (a payment method id, not a secret). */
  defaultPaymentMethodId: string | null;
  /** The instant of that event. */
  defaultPaymentMethodAt: Date | null;
  createdAt: Date;
}

const productColumns = (sql: Db) => sql`id, name, description, stripe_product_id, created_at`;
const customerColumns = (sql: Db) => sql`id, name, email, stripe_customer_id, default_payment_method_id, default_payment_method_at, created_at`;

export async function insertProduct(sql: Db, p: Omit<Product, 'createdAt'> & { createdBy: string | null }): Promise<Product> {
  const [row] = await sql<Product[]>`
    insert into products (id, name, description, stripe_product_id, created_by)
    values (${p.id}, ${p.name}, ${p.description}, ${p.stripeProductId}, ${p.createdBy})
    returning ${productColumns(sql)}`;
  return row!;
}

export async function getProduct(sql: Db, id: string): Promise<Product> {
  const [row] = await sql<Product[]>`select ${productColumns(sql)} from products where id = ${id}`;
  if (!row) throw notFound('Product');
  return row;
}

export async function listProducts(sql: Db, page: { after?: string; limit: number }): Promise<Product[]> {
  return sql<Product[]>`
    select ${productColumns(sql)} from products
    ${page.after ? sql`where id > ${page.after}` : sql``} order by id limit ${page.limit}`;
}

const planColumns = (sql: Db) => sql`id, product_id, name, description, amount, currency, interval, stripe_price_id, created_at`;

export async function insertPlan(sql: Db, p: Omit<Plan, 'createdAt'> & { createdBy: string | null }): Promise<Plan> {
  const [row] = await sql<Plan[]>`
    insert into plans (id, product_id, name, description, amount, currency, interval, stripe_price_id, created_by)
    values (${p.id}, ${p.productId}, ${p.name}, ${p.description}, ${p.amount}, ${p.currency}, ${p.interval}, ${p.stripePriceId}, ${p.createdBy})
    returning ${planColumns(sql)}`;
  return row!;
}

export async function findPlan(sql: Db, id: string): Promise<Plan | undefined> {
  const [row] = await sql<Plan[]>`select ${planColumns(sql)} from plans where id = ${id}`;
  return row;
}

export async function listPlans(sql: Db, productId: string): Promise<Plan[]> {
  return sql<Plan[]>`select ${planColumns(sql)} from plans where product_id = ${productId} order by created_at, id`;
}

export async function insertCustomer(sql: Db, c: { id: string; name: string; email: string; stripeCustomerId: string | null; createdBy: string | null }): Promise<Customer> {
  const [row] = await sql<Customer[]>`
    insert into customers (id, name, email, stripe_customer_id, created_by)
    values (${c.id}, ${c.name}, ${c.email}, ${c.stripeCustomerId}, ${c.createdBy})
    returning ${customerColumns(sql)}`;
  return row!;
}

/** Removes a customer created for a reservation that did not happen (same transaction). */
export async function deleteCustomer(sql: Db, id: string): Promise<void> {
  await sql`delete from customers where id = ${id}`;
}

export async function findCustomer(sql: Db, id: string): Promise<Customer | undefined> {
  const [row] = await sql<Customer[]>`select ${customerColumns(sql)} from customers where id = ${id}`;
  return row;
}

/** Our customer with this Stripe id, locked until the caller's transaction ends (its events apply one after the other). */
export async function lockCustomerByStripeId(sql: Db, stripeCustomerId: string): Promise<Customer | undefined> {
  const [row] = await sql<Customer[]>`select ${customerColumns(sql)} from customers where stripe_customer_id = ${stripeCustomerId} for update`;
  return row;
}

/** Mirrors the customer's default payment method as of `at` (the caller decided it is not older than what we hold). */
export async function setDefaultPaymentMethod(sql: Db, id: string, paymentMethodId: string | null, at: Date): Promise<void> {
  await sql`update customers set default_payment_method_id = ${paymentMethodId}, default_payment_method_at = ${at} where id = ${id}`;
}

export async function setStripeCustomer(sql: Db, id: string, stripeCustomerId: string): Promise<void> {
  await sql`update customers set stripe_customer_id = ${stripeCustomerId} where id = ${id} and stripe_customer_id is null`;
}
