import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { checkoutSession, deliver, paymentIntent, signed, stripeEvent } from './stripe';
import { allocatedUnits, ledger, partnerSuite, partnerWorld, waitFor } from './world';

const event = (id: string, type: string, object: Record<string, unknown>) => stripeEvent(type, object, id);

describe('buying allotments through Stripe', () => {
  const { s, w } = partnerSuite();

  const buy = (body: Record<string, unknown>, token = w.manager.token) =>
    s.call('POST', '/v1/allotments/purchases', { token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, currency: 'EUR', ...body } });
  const webhook = (payload: string, headers: Record<string, string> = signed(payload)) => deliver(s, payload, headers);
  /** The PaymentIntent the purchase created, succeeded, as Stripe reports it. */
  const succeeded = (p: { id: string; paymentIntentId: string; amount: { amount: number } }) => paymentIntent({ id: p.paymentIntentId, amount: p.amount.amount, purchaseId: p.id });

  it('quotes with the linked price list and returns what the client needs to pay; nothing is allocated yet', async () => {
    const res = await buy({ quantity: 120 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending_payment', quantity: 120, currency: 'EUR', amount: { amount: 120 * 800, currency: 'EUR' }, unitAmount: { amount: 800, currency: 'EUR' }, priceListId: w.priceListId, paymentMethod: 'stripe' });
    expect(res.body.clientSecret).toEqual(expect.any(String));
    expect(res.body.paymentIntentId).toMatch(/^pi_/);
    const wf = await s.client.workflow.getHandle(`purchase-${res.body.id}`).describe();
    expect(wf.status.name).toBe('RUNNING');
    expect(await allocatedUnits(s, w.organizationId, w.assessmentId)).toBe(0);
  });

  it('refuses a webhook with a bad or missing signature, changing nothing', async () => {
    const p = (await buy({ quantity: 5 })).body;
    const payload = event('evt_forged', 'payment_intent.succeeded', succeeded(p));
    const forged = await webhook(payload, signed(payload, { secret: 'whsec_wrong' }));
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('INVALID_SIGNATURE');
    expect((await webhook(payload, { 'content-type': 'application/json' } as never)).status).toBe(400);
    const tampered = await webhook(payload.replace('"evt_forged"', '"evt_forged2"'), signed(payload));
    expect(tampered.status).toBe(400);
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body.status).toBe('pending_payment');
    const [seen] = await s.sql`select count(*)::int as n from stripe_events where id like 'evt_forged%'`;
    expect(seen!.n).toBe(0);
  });

  it('allocates exactly once for the same event 10 times and another event of the same payment, in any order', async () => {
    const before = await allocatedUnits(s, w.organizationId, w.assessmentId);
    const p = (await buy({ quantity: 30 })).body;
    const intent = event('evt_pi_succeeded', 'payment_intent.succeeded', succeeded(p));
    const again = event('evt_pi_succeeded_again', 'payment_intent.succeeded', succeeded(p));
    const results = await Promise.all([...Array.from({ length: 10 }, () => webhook(intent)), webhook(again), webhook(again)]);
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(results.filter((r) => r.body.result === 'applied')).toHaveLength(2);
    const paid = await waitFor(() => s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token }), (r) => r.body.status === 'paid');
    expect(paid.body.status).toBe('paid');
    expect(paid.body.clientSecret).toBeNull();
    expect((await ledger(s, w.organizationId, w.assessmentId)).allocated).toBe(before + 30);
    // A late duplicate after the workflow closed changes nothing either.
    expect((await webhook(intent)).body.result).toBe('duplicate');
    const late = event('evt_pi_again', 'payment_intent.succeeded', succeeded(p));
    expect((await webhook(late)).status).toBe(200);
    const [alloc] = await s.sql`select count(*)::int as n, sum(units)::int as units from allocations where purchase_id = ${p.id}`;
    expect(alloc).toEqual({ n: 1, units: 30 });
    expect((await ledger(s, w.organizationId, w.assessmentId)).allocated).toBe(before + 30);
  });

  it('ignores payment events of other systems and unpaid checkout sessions', async () => {
    const foreign = event('evt_foreign', 'payment_intent.succeeded', paymentIntent({ id: 'pi_x', amount: 500 }));
    expect((await webhook(foreign)).body.result).toBe('ignored');
    const p = (await buy({ quantity: 2 })).body;
    const unpaid = event('evt_unpaid_session', 'checkout.session.completed', checkoutSession({ id: 'cs_2', amountTotal: p.amount.amount, purchaseId: p.id, paymentStatus: 'unpaid' }));
    expect((await webhook(unpaid)).body.result).toBe('ignored');
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body.status).toBe('pending_payment');
  });

  it('lets an admin buy on the organization\'s behalf, or grant without Stripe; managers cannot grant', async () => {
    const onBehalf = await buy({ quantity: 3 }, s.adminToken);
    expect(onBehalf.status).toBe(201);
    expect(onBehalf.body.status).toBe('pending_payment');
    const before = (await ledger(s, w.organizationId, w.assessmentId)).allocated;
    const grant = await buy({ quantity: 7, paymentMethod: 'manual' }, s.adminToken);
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ status: 'granted', paymentMethod: 'manual', clientSecret: null });
    expect((await ledger(s, w.organizationId, w.assessmentId)).allocated).toBe(before + 7);
    const denied = await buy({ quantity: 7, paymentMethod: 'manual' });
    expect(denied.status).toBe(403);
    expect((await ledger(s, w.organizationId, w.assessmentId)).allocated).toBe(before + 7);
  });

  it('refuses with a reason: no valid price, not purchasable, unknown to the manager', async () => {
    const noCurrency = await buy({ quantity: 3, currency: 'GBP' });
    expect(noCurrency.status).toBe(409);
    expect(noCurrency.body.code).toBe('NO_VALID_PRICE');
    expect(noCurrency.body.detail).toMatch(/GBP/);

    const plain = await s.organization({ name: 'Not a buyer', parentId: w.organizationId });
    const notBuyer = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: plain, assessmentId: w.assessmentId, quantity: 3, currency: 'EUR' } });
    expect(notBuyer.status).toBe(409);
    expect(notBuyer.body.code).toBe('ALLOTMENT_NOT_PURCHASABLE');

    const unlinkedOrg = await s.organization({ name: 'No price list', responseAllotment: 'can_be_purchased' });
    const noLink = await s.call('POST', '/v1/allotments/purchases', { body: { organizationId: unlinkedOrg, assessmentId: w.assessmentId, quantity: 3, currency: 'EUR' } });
    expect(noLink.status).toBe(409);
    expect(noLink.body.code).toBe('NO_VALID_PRICE');

    const stranger = await partnerWorld(s);
    const foreign = await s.call('POST', '/v1/allotments/purchases', { token: stranger.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 3, currency: 'EUR' } });
    expect(foreign.status).toBe(404);
    const [count] = await s.sql`select count(*)::int as n from purchases where organization_id = ${plain} or organization_id = ${unlinkedOrg}`;
    expect(count!.n).toBe(0);
  });
});

describe('without Stripe, or with allotments switched off', () => {
  const { s } = suiteStack({ stripe: false, worker: false });

  it('refuses paid purchases with STRIPE_NOT_CONNECTED but still lets an admin grant', async () => {
    const w = await partnerWorld(s);
    expect((await s.call('GET', '/v1/settings')).body.stripeConnected).toBe(false);
    const paid = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 3, currency: 'EUR' } });
    expect(paid.status).toBe(409);
    expect(paid.body.code).toBe('STRIPE_NOT_CONNECTED');
    const grant = await s.call('POST', '/v1/allotments/purchases', { body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 3, currency: 'EUR', paymentMethod: 'manual' } });
    expect(grant.status).toBe(201);
    expect((await s.call('POST', '/v1/stripe/webhook', { token: null, raw: '{}', headers: { 'content-type': 'application/json' } })).body.code).toBe('STRIPE_NOT_CONNECTED');
  });

  it('answers every allotment and price-list endpoint with ALLOTMENTS_DISABLED while the switch is off', async () => {
    const w = await partnerWorld(s);
    await s.call('PATCH', '/v1/settings', { body: { useAllotments: false } });
    const calls = [
      s.call('GET', `/v1/allotments?organizationId=${w.organizationId}`),
      s.call('POST', '/v1/allotments/purchases', { body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 1, currency: 'EUR', paymentMethod: 'manual' } }),
      s.call('POST', `/v1/assessments/${w.assessmentId}/price-lists`, { body: { name: 'x', validFrom: '2027-01-01', currencies: { EUR: [{ upTo: null, unitAmount: 1 }] } } }),
      s.call('GET', `/v1/price-lists/${w.priceListId}`),
      s.call('GET', `/v1/price-lists/${w.priceListId}/quote?quantity=1&currency=EUR`),
      s.call('PUT', `/v1/organizations/${w.organizationId}/price-lists/${w.assessmentId}`, { body: { priceListId: w.priceListId } }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ALLOTMENTS_DISABLED');
    }
    await s.call('PATCH', '/v1/settings', { body: { useAllotments: true } });
  });
});
