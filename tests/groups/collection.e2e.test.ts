import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { unique } from '../support/unique';
import { stripeEvent, stripeSeconds } from './world';

// "Create a subscription under the group owner and select the pricing plan previously created. You
// can either charge them on a CC if one is available or an invoice will be sent to them." (seed 003)
describe('an owner is charged on a card if one is available, or invoiced', () => {
  const { s, w } = suiteStack({}, async (s) => {
    const ok = (res: { status: number; body: any }) => {
      if (res.status !== 201) throw new Error(`setup failed (${res.status}): ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const product = ok(await s.call('POST', '/v1/products', { body: { name: unique('Group owners') } }));
    const plan = ok(await s.call('POST', `/v1/products/${product.id}/plans`, {
      body: { name: 'XYZ owner', description: 'Annual group licence', amount: 250_000, currency: 'EUR', interval: 'year' },
    }));
    const customer = async (name: string) => ok(await s.call('POST', '/v1/customers', { body: { name, email: `${unique('billing')}@xyz.example` } }));
    return { plan, customer };
  });

  const subscribe = (customerId: string, extra: Record<string, unknown> = {}) =>
    s.call('POST', '/v1/subscriptions', { body: { customerId, planId: w.plan.id, ...extra } });
  const customer = async (id: string) => (await s.call('GET', `/v1/customers/${id}`)).body;
  const setupSucceeded = (stripeCustomerId: string, paymentMethod: string, created = stripeSeconds()) =>
    stripeEvent(s, 'setup_intent.succeeded', {
      id: `seti_${unique('x').replace('-', '')}`, object: 'setup_intent', customer: stripeCustomerId, payment_method: paymentMethod,
      status: 'succeeded', usage: 'off_session', metadata: {},
    }, { created });

  it('without a card in Stripe, a subscription made without a collection is invoiced (30 days, or as asked)', async () => {
    const c = await w.customer('No card Ltd');
    expect(c.defaultPaymentMethodId).toBeNull();
    const res = await subscribe(c.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ collection: 'send_invoice', daysUntilDue: 30, collectionReason: 'no_card_on_file', status: 'active' });
    const net15 = await subscribe(c.id, { daysUntilDue: 15 });
    expect(net15.body).toMatchObject({ collection: 'send_invoice', daysUntilDue: 15, collectionReason: 'no_card_on_file' });
  });

  it('puts a card on file through a SetupIntent; once Stripe says it succeeded, the card is charged', async () => {
    const c = await w.customer('Card Corp');
    const key = unique('setup');
    const intent = await s.call('POST', `/v1/customers/${c.id}/setup-intents`, { body: {}, headers: { 'idempotency-key': key } });
    expect(intent.status).toBe(201);
    // A repeat is answered by Stripe again (same key, same SetupIntent there), never from a stored copy of the secret.
    const repeat = await s.call('POST', `/v1/customers/${c.id}/setup-intents`, { body: {}, headers: { 'idempotency-key': key } });
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('idempotency-replayed')).toBeNull();
    expect(intent.body).toMatchObject({ id: expect.stringMatching(/^seti_/), customerId: c.id, clientSecret: expect.stringContaining('_secret_') });
    expect(intent.headers.get('cache-control')).toBe('no-store');
    // No secret at rest: not in the audit trail, not in the stored answers of Idempotency-Key requests, nowhere.
    const [leaks] = await s.sql<{ n: number }[]>`
      select (select count(*) from audit_events where position(${intent.body.clientSecret} in coalesce(after::text, '')) > 0)::int
           + (select count(*) from idempotency_records where position(${intent.body.clientSecret} in coalesce(response_body, '')) > 0)::int as n`;
    expect(leaks!.n).toBe(0);
    const audit = await s.call('GET', `/v1/audit?entity=customer&id=${c.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('setup_intent');

    // The customer confirms the card with Stripe.js; Stripe tells us.
    const event = await setupSucceeded(c.stripeCustomerId, 'pm_card_visa_1');
    expect(event.body).toEqual({ received: true, result: 'applied' });
    expect((await customer(c.id)).defaultPaymentMethodId).toBe('pm_card_visa_1');

    const charged = await subscribe(c.id);
    expect(charged.status).toBe(201);
    expect(charged.body).toMatchObject({ collection: 'charge_automatically', daysUntilDue: null, collectionReason: 'card_on_file' });
    // An explicit collection keeps working.
    const invoiced = await subscribe(c.id, { collection: 'send_invoice' });
    expect(invoiced.body).toMatchObject({ collection: 'send_invoice', daysUntilDue: 30, collectionReason: 'requested' });
  });

  it('follows the customer\'s default card in Stripe: an older event never undoes a newer one', async () => {
    const c = await w.customer('Changing Co');
    const t = stripeSeconds();
    await setupSucceeded(c.stripeCustomerId, 'pm_new', t);
    // An older SetupIntent arriving late does not replace the newer card.
    expect((await setupSucceeded(c.stripeCustomerId, 'pm_old', t - 60)).body.result).toBe('ignored');
    const stale = await stripeEvent(s, 'customer.updated', { id: c.stripeCustomerId, object: 'customer', invoice_settings: { default_payment_method: null } }, { created: t - 30 });
    expect(stale.body.result).toBe('ignored');
    expect((await customer(c.id)).defaultPaymentMethodId).toBe('pm_new');

    // The card is removed in Stripe later: the next subscription is invoiced again.
    const removed = await stripeEvent(s, 'customer.updated', { id: c.stripeCustomerId, object: 'customer', invoice_settings: { default_payment_method: null } }, { created: t + 30 });
    expect(removed.body.result).toBe('applied');
    expect((await customer(c.id)).defaultPaymentMethodId).toBeNull();
    expect((await subscribe(c.id)).body).toMatchObject({ collection: 'send_invoice', collectionReason: 'no_card_on_file' });
  });

  it('refuses what it cannot do, naming what is wrong, and creates nothing', async () => {
    const c = await w.customer('Strict Ltd');
    const before = (await s.sql`select count(*)::int as n from subscriptions`)[0]!.n;
    const both = await subscribe(c.id, { collection: 'charge_automatically', daysUntilDue: 15 });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('daysUntilDue');
    const bad = await subscribe(c.id, { collection: 'cash' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('collection');
    expect((await s.sql`select count(*)::int as n from subscriptions`)[0]!.n).toBe(before);

    expect((await s.call('POST', '/v1/customers/00000000-0000-4000-8000-000000000000/setup-intents', { body: {} })).status).toBe(404);
    const org = await s.organization({ name: unique('Partner') });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    expect((await s.call('POST', `/v1/customers/${c.id}/setup-intents`, { token: manager.token, body: {} })).status).toBe(403);
    const unsigned = await s.call('POST', '/v1/stripe/webhook', { token: null, raw: '{"id":"evt_x","type":"setup_intent.succeeded"}', headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(400);
    expect((await customer(c.id)).defaultPaymentMethodId).toBeNull();
  });
});
