import { describe, expect, it } from 'vitest';
import { purchaseStateQuery, purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';
import { STATUS } from '../../workflows/platform/search-attribute-definitions';
import { checkoutSession, deliver, paymentIntent, signed, stripeEvent } from './stripe';
import { allocatedUnits, ledger, ledgerFromFacts, partnerSuite, waitFor } from './world';

// Seed 000: "Each purchase goes through Stripe and the allotment is immediately available to
// them": available once Stripe confirms *that* purchase's payment, and only then.
describe('the webhook credits a purchase only with the payment it asked for', () => {
  const { s, w } = partnerSuite();

  const buy = async (quantity: number) => {
    const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity, currency: 'EUR' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; paymentIntentId: string; amount: { amount: number } };
  };
  const purchase = async (id: string) => (await s.call('GET', `/v1/allotments/purchases/${id}`, { token: w.manager.token })).body;
  const allocated = () => allocatedUnits(s, w.organizationId, w.assessmentId);
  const seen = async (eventId: string) => (await s.sql`select 1 from stripe_events where id = ${eventId}`).length > 0;

  it('records another PaymentIntent for 1 cent as a mismatch, allocates nothing, shows it to ops, and still takes the right payment', async () => {
    const p = await buy(13); // 13 × 1 000 cents
    expect(p.amount.amount).toBe(13_000);
    const before = await allocated();
    const forged = stripeEvent('payment_intent.succeeded', paymentIntent({ id: 'pi_someone_else', amount: 1, purchaseId: p.id }));
    const res = await deliver(s, forged);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, result: 'applied' });

    const mismatched = await purchase(p.id);
    expect(mismatched).toMatchObject({ status: 'payment_mismatch', paidAt: null, clientSecret: expect.any(String) });
    expect(mismatched.paymentMismatches).toEqual([
      expect.objectContaining({ eventType: 'payment_intent.succeeded', objectId: 'pi_someone_else', amount: { amount: 1, currency: 'EUR' }, reasons: ['object_id', 'amount'] }),
    ]);
    expect(await allocated()).toBe(before);
    const [audit] = await s.sql<{ action: string; actor: string; after: { reasons: string[]; expected: { objectId: string; amount: number } } }[]>`
      select action, actor, after from audit_events where entity = 'purchase' and entity_id = ${p.id} and action = 'payment_mismatch'`;
    expect(audit).toMatchObject({ actor: expect.stringMatching(/^stripe:evt_/), after: { reasons: ['object_id', 'amount'], expected: { objectId: p.paymentIntentId, amount: 13_000 } } });

    // Ops: the workflow's search attribute and state say so.
    const handle = s.client.workflow.getHandle(purchaseWorkflowId(p.id));
    const published = await waitFor(async () => (await handle.describe()).typedSearchAttributes.get(STATUS), (st) => st === 'payment_mismatch');
    expect(published).toBe('payment_mismatch');
    expect(await handle.query(purchaseStateQuery)).toMatchObject({ status: 'payment_mismatch', paid: false, mismatches: [expect.objectContaining({ eventType: 'payment_intent.succeeded', reasons: ['object_id', 'amount'] })] });

    // The payment the purchase asked for still pays it, once.
    const right = await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: 13_000, purchaseId: p.id })));
    expect(right.status).toBe(200);
    const paid = await waitFor(() => purchase(p.id), (x) => x.status === 'paid');
    expect(paid.status).toBe('paid');
    expect(await allocated()).toBe(before + 13);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
    expect(await waitFor(async () => (await handle.describe()).typedSearchAttributes.get(STATUS), (st) => st === 'paid')).toBe('paid');
  });

  it('names each thing that differs: the amount, the currency, or a Checkout Session the purchase never opened', async () => {
    const p = await buy(2);
    const before = await allocated();
    const cases = [
      { object: paymentIntent({ id: p.paymentIntentId, amount: 1_999, purchaseId: p.id }), type: 'payment_intent.succeeded', reasons: ['amount'] },
      { object: paymentIntent({ id: p.paymentIntentId, amount: 2_000, currency: 'usd', purchaseId: p.id }), type: 'payment_intent.succeeded', reasons: ['currency'] },
      { object: paymentIntent({ id: p.paymentIntentId, amount: 2_000, amountReceived: 1, purchaseId: p.id }), type: 'payment_intent.succeeded', reasons: ['amount'] },
      { object: checkoutSession({ id: 'cs_not_ours', amountTotal: 2_000, purchaseId: p.id }), type: 'checkout.session.completed', reasons: ['object_id'] },
    ];
    for (const c of cases) expect((await deliver(s, stripeEvent(c.type, c.object))).body.result).toBe('applied');
    const shown = await purchase(p.id);
    expect(shown.status).toBe('payment_mismatch');
    expect(shown.paymentMismatches.map((m: { reasons: string[] }) => m.reasons)).toEqual(cases.map((c) => c.reasons));
    expect(await allocated()).toBe(before);
    const [alloc] = await s.sql`select count(*)::int as n from allocations where purchase_id = ${p.id}`;
    expect(alloc!.n).toBe(0);
  });

  it('answers a correctly signed event with data null, no id or a malformed object 400, recording nothing', async () => {
    const p = await buy(1);
    const base = JSON.parse(stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: 1_000, purchaseId: p.id })));
    const malformed = [
      { payload: { ...base, data: null }, path: 'data' },
      { payload: (({ id: _, ...rest }) => rest)(base), path: 'id' },
      { payload: { ...base, id: 42 }, path: 'id' },
      { payload: { ...base, data: { object: { ...base.data.object, amount: '1000' } } }, path: 'data.object.amount' },
      { payload: { ...base, data: { object: { ...base.data.object, currency: null } } }, path: 'data.object.currency' },
      { payload: { ...base, type: 'charge.refunded' }, path: 'data.object.object' },
      { payload: [], path: 'event' },
    ];
    for (const m of malformed) {
      const payload = JSON.stringify(m.payload);
      const res = await deliver(s, payload);
      expect({ path: m.path, status: res.status, code: res.body.code }).toEqual({ path: m.path, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(m.path);
    }
    expect(await seen(base.id)).toBe(false);
    expect((await purchase(p.id)).status).toBe('pending_payment');
    // The same event, well formed, applies.
    expect((await deliver(s, JSON.stringify(base))).body.result).toBe('applied');
    expect(await seen(base.id)).toBe(true);
  });

  it('refuses signatures timestamped more than 5 minutes in the future with INVALID_SIGNATURE', async () => {
    const p = await buy(1);
    const payload = stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: 1_000, purchaseId: p.id }));
    const nowS = Math.floor(Date.now() / 1000);
    for (const ahead of [3_600, 301 + 5]) {
      const res = await deliver(s, payload, signed(payload, { timestamp: nowS + ahead }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_SIGNATURE');
      expect(res.body.detail).toContain('future');
    }
    expect(await seen(JSON.parse(payload).id)).toBe(false);
    expect((await purchase(p.id)).status).toBe('pending_payment');
    // A clock a minute ahead is within the tolerance.
    const skewed = await deliver(s, payload, signed(payload, { timestamp: nowS + 60 }));
    expect(skewed.status).toBe(200);
    expect(skewed.body.result).toBe('applied');
  });
});
