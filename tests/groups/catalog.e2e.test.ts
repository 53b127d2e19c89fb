import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { groupWorld } from './world';

describe('products, plans, customers and subscriptions in Stripe', () => {
  const { s } = suiteStack();

  it('creates a product and its plans (a free one too), each mirrored with its Stripe id', async () => {
    const product = await s.call('POST', '/v1/products', { body: { name: 'Group owners', description: 'Billing for group owners' } });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({ id: expect.any(String), name: 'Group owners', stripeProductId: expect.stringMatching(/^prod_/) });
    const paid = await s.call('POST', `/v1/products/${product.body.id}/plans`, {
      body: { name: 'Owner yearly', description: 'The agreed terms', amount: 120_000, currency: 'eur', interval: 'year' },
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ amount: 120_000, currency: 'EUR', price: { amount: 120_000, currency: 'EUR' }, interval: 'year', stripePriceId: expect.stringMatching(/^price_/) });
    const free = await s.call('POST', `/v1/products/${product.body.id}/plans`, { body: { name: 'Free', description: 'No charge', amount: 0, currency: 'EUR', interval: 'month' } });
    expect(free.status).toBe(201);
    expect(free.body.amount).toBe(0);
    const listed = await s.call('GET', `/v1/products/${product.body.id}`);
    expect(listed.body.plans.map((p: { name: string }) => p.name)).toEqual(['Owner yearly', 'Free']);
  });

  it('refuses bad plans naming the field, and unknown products with 404', async () => {
    const product = (await s.call('POST', '/v1/products', { body: { name: 'P' } })).body;
    const bad = await s.call('POST', `/v1/products/${product.id}/plans`, { body: { name: 'X', description: '', amount: -1, currency: 'EUR', interval: 'fortnight' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['amount', 'interval']);
    const unknown = await s.call('POST', '/v1/products/00000000-0000-4000-8000-000000000000/plans', { body: { name: 'X', description: '', amount: 0, currency: 'EUR', interval: 'month' } });
    expect(unknown.status).toBe(404);
    const extra = await s.call('POST', '/v1/products', { body: { name: 'P', colour: 'red' } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].path).toBe('colour');
  });

  it('subscribes an owner charged automatically and another invoiced (30 days by default)', async () => {
    const w = await groupWorld(s, { collection: 'charge_automatically' });
    expect(w.ownerSubscription).toMatchObject({ collection: 'charge_automatically', daysUntilDue: null, status: 'active', stripeSubscriptionId: expect.stringMatching(/^sub_/) });
    const invoiced = await s.call('POST', '/v1/subscriptions', { body: { customerId: w.owner.id, planId: w.ownerPlan.id, collection: 'send_invoice' } });
    expect(invoiced.status).toBe(201);
    expect(invoiced.body).toMatchObject({ collection: 'send_invoice', daysUntilDue: 30, status: 'active', source: 'direct' });
    const net15 = await s.call('POST', '/v1/subscriptions', { body: { customerId: w.owner.id, planId: w.ownerPlan.id, collection: 'send_invoice', daysUntilDue: 15 } });
    expect(net15.body.daysUntilDue).toBe(15);
    const wrong = await s.call('POST', '/v1/subscriptions', { body: { customerId: w.owner.id, planId: w.ownerPlan.id, collection: 'charge_automatically', daysUntilDue: 15 } });
    expect(wrong.status).toBe(400);

    const byCustomer = await s.call('GET', `/v1/subscriptions?customerId=${w.owner.id}`);
    expect(byCustomer.body.items).toHaveLength(3);
    const byGroup = await s.call('GET', `/v1/subscriptions?groupId=${w.groupId}`);
    expect(byGroup.body.items).toEqual([expect.objectContaining({ id: w.ownerSubscription.id, groupId: w.groupId, groupRole: 'owner' })]);
    const byPlan = await s.call('GET', `/v1/subscriptions?planId=${w.ownerPlan.id}&limit=2`);
    expect(byPlan.body.items).toHaveLength(2);
    expect(byPlan.body.nextCursor).toEqual(expect.any(String));
  });

  it('a group needs the owner\'s own subscription, once', async () => {
    const w = await groupWorld(s);
    expect(w.group).toMatchObject({ ownerCustomerId: w.owner.id, ownerSubscriptionId: w.ownerSubscription.id, usersPlanId: w.usersPlan.id, organizationId: null });
    const again = await s.call('POST', '/v1/groups', { body: { name: 'Twice', ownerCustomerId: w.owner.id, ownerSubscriptionId: w.ownerSubscription.id, usersPlanId: w.usersPlan.id } });
    expect(again.status).toBe(409);
    const other = (await s.call('POST', '/v1/customers', { body: { name: 'Other', email: 'other@example.test' } })).body;
    const foreign = await s.call('POST', '/v1/groups', { body: { name: 'Foreign', ownerCustomerId: other.id, ownerSubscriptionId: w.ownerSubscription.id, usersPlanId: w.usersPlan.id } });
    expect(foreign.status).toBe(422);
    const audit = await s.call('GET', `/v1/audit?entity=group&id=${w.groupId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('documents every group-subscription endpoint in the OpenAPI document', async () => {
    const doc = (await s.call('GET', '/openapi.json', { token: null })).body;
    for (const path of [
      '/v1/products', '/v1/products/{id}/plans', '/v1/customers', '/v1/subscriptions', '/v1/groups', '/v1/groups/{id}/imports',
      '/v1/groups/{id}/campaigns', '/v1/campaigns/{id}', '/v1/campaigns/{id}/codes', '/v1/campaigns/{id}/deactivate',
      '/v1/groups/{id}/access-rules', '/v1/public/redemptions', '/v1/public/access-claims', '/v1/reports/subscriptions',
      '/v1/customers/{id}/setup-intents', '/v1/reports/subscribers',
    ]) expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/v1/public/redemptions'].post.security).toEqual([]);
  });

  it('catalog writes are for admins', async () => {
    const org = await s.organization({ name: 'Partner' });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    expect((await s.call('POST', '/v1/products', { token: manager.token, body: { name: 'Nope' } })).status).toBe(403);
    expect((await s.call('POST', '/v1/customers', { token: manager.token, body: { name: 'N', email: 'n@example.test' } })).status).toBe(403);
    expect((await s.call('POST', '/v1/products', { token: null, body: { name: 'Nope' } })).status).toBe(401);
  });
});

describe('without Stripe', () => {
  const { s } = suiteStack({ stripe: false, worker: false });

  it('every Stripe-writing endpoint answers 409 STRIPE_NOT_CONNECTED and creates nothing', async () => {
    const answers = await Promise.all([
      s.call('POST', '/v1/products', { body: { name: 'Group owners' } }),
      s.call('POST', '/v1/customers', { body: { name: 'XYZ', email: 'xyz@example.test' } }),
      s.call('POST', '/v1/public/redemptions', { token: null, body: { code: 'XYZCOUPONCODE', email: 'a@example.test', name: 'A' } }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(409);
      expect(a.body.code).toBe('STRIPE_NOT_CONNECTED');
    }
    const [n] = await s.sql`select (select count(*) from products)::int + (select count(*) from customers)::int as n`;
    expect(n!.n).toBe(0);
  });
});
