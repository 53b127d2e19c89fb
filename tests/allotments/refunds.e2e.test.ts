import { describe, expect, it } from 'vitest';
import { charge, deliver, dispute, paymentIntent, stripeEvent } from './stripe';
import { ledger, ledgerFromFacts, partnerSuite, waitFor } from './world';

// Seed 002: "Used (Completed) — once the respondent completes the assessment, the response is
// counted as Used. This is the permanent state of a consumed response." A refunded or disputed
// payment takes back the units it bought as far as they are still available, never what
// respondents used or open invitations hold; what is missing is recorded as the shortfall.
describe('refunds and disputes of a paid purchase', () => {
  const { s, w } = partnerSuite();

  const columns = () => ledger(s, w.organizationId, w.assessmentId);
  const purchase = async (id: string) => (await s.call('GET', `/v1/allotments/purchases/${id}`, { token: w.manager.token })).body;
  /** A purchase of `quantity` units at 10.00 EUR each, paid through its own PaymentIntent. */
  const paidPurchase = async (quantity: number) => {
    const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity, currency: 'EUR' } });
    expect(res.status).toBe(201);
    const p = res.body as { id: string; paymentIntentId: string; amount: { amount: number } };
    expect((await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: p.amount.amount, purchaseId: p.id })))).status).toBe(200);
    expect((await waitFor(() => purchase(p.id), (x) => x.status === 'paid')).status).toBe('paid');
    return p;
  };
  const invite = async (n: number, tag: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: `${tag}${i}@example.test`, name: `${tag} ${i}` } } });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    return ids;
  };
  const refund = (p: { paymentIntentId: string; amount: { amount: number } }, refundedTotal: number, chargeId = `ch_${p.paymentIntentId}`) =>
    deliver(s, stripeEvent('charge.refunded', charge({ id: chargeId, paymentIntentId: p.paymentIntentId, amount: p.amount.amount, amountRefunded: refundedTotal })));

  it('takes back only what is still available: used and invited units stay with the respondents, the rest is the shortfall', async () => {
    const p = await paidPurchase(10);
    expect(await columns()).toMatchObject({ allocated: 10, available: 10 });
    const [done, ...open] = await invite(3, 'kept');
    expect((await s.call('POST', `/v1/responses/${done}/complete`, { token: w.manager.token, body: {} })).status).toBe(200);
    expect(await columns()).toMatchObject({ allocated: 10, used: 1, unexpired: 2, available: 7 });

    const res = await refund(p, 10_000);
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('applied');
    const shown = await purchase(p.id);
    expect(shown).toMatchObject({ status: 'paid', refundedUnits: 7, shortfall: 3 });
    expect(shown.reversals).toEqual([expect.objectContaining({ kind: 'refund', stripeObjectId: `ch_${p.paymentIntentId}`, amount: { amount: 10_000, currency: 'EUR' }, units: 10, taken: 7, shortfall: 3 })]);
    expect(await columns()).toMatchObject({ allocated: 3, used: 1, unexpired: 2, available: 0 });
    // The respondents keep their responses.
    for (const id of [done!, ...open]) expect((await s.call('GET', `/v1/responses/${id}`, { token: w.manager.token })).body.status).toMatch(/invited|completed/);
    expect(await columns()).toMatchObject(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
    const [audit] = await s.sql`select actor, after from audit_events where entity = 'purchase' and entity_id = ${p.id} and action = 'refund'`;
    expect(audit).toMatchObject({ actor: expect.stringMatching(/^stripe:evt_/), after: { units: 10, taken: 7, shortfall: 3 } });
    // Nothing more is available to anyone: the next invitation is refused.
    const blocked = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: 'late@example.test', name: 'Late' } } });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('ALLOTMENT_EXHAUSTED');
  });

  it('takes back partial refunds as they add up, once each, whatever order their events arrive in', async () => {
    const start = await columns();
    const p = await paidPurchase(10);
    expect((await refund(p, 2_500)).body.result).toBe('applied'); // 2.5 units' worth: 3 units
    expect(await purchase(p.id)).toMatchObject({ refundedUnits: 3, shortfall: 0 });
    expect((await refund(p, 5_000)).body.result).toBe('applied'); // 5 in all: 2 more
    expect((await refund(p, 2_500)).body.result).toBe('ignored'); // an older total, delivered late
    const shown = await purchase(p.id);
    expect(shown).toMatchObject({ refundedUnits: 5, shortfall: 0 });
    expect(shown.reversals.map((r: { units: number; amount: { amount: number } }) => [r.units, r.amount.amount])).toEqual([[3, 2_500], [2, 2_500]]);
    expect(await columns()).toMatchObject({ allocated: start.allocated + 5, available: start.available + 5 });
    expect(await columns()).toMatchObject(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
  });

  it('takes back a disputed payment once, however many times the dispute is reported', async () => {
    const start = await columns();
    const p = await paidPurchase(4);
    const disputed = dispute({ id: `dp_${p.id.slice(0, 8)}`, paymentIntentId: p.paymentIntentId, amount: 4_000 });
    expect((await deliver(s, stripeEvent('charge.dispute.created', disputed))).body.result).toBe('applied');
    expect((await deliver(s, stripeEvent('charge.dispute.created', disputed))).body.result).toBe('ignored');
    const shown = await purchase(p.id);
    expect(shown).toMatchObject({ refundedUnits: 4, shortfall: 0 });
    expect(shown.reversals).toEqual([expect.objectContaining({ kind: 'dispute', stripeObjectId: disputed.id, units: 4, taken: 4 })]);
    // A refund of the same charge afterwards cannot ask for more than was bought.
    expect((await refund(p, 4_000)).body.result).toBe('ignored');
    expect(await columns()).toMatchObject({ allocated: start.allocated, available: start.available });
  });

  it('answers 409 for a payment not credited yet (Stripe delivers again), and ignores charges of other payments', async () => {
    const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 2, currency: 'EUR' } });
    const pending = res.body as { id: string; paymentIntentId: string; amount: { amount: number } };
    const early = stripeEvent('charge.refunded', charge({ paymentIntentId: pending.paymentIntentId, amount: 2_000, amountRefunded: 2_000 }));
    const refused = await deliver(s, early);
    expect(refused.status).toBe(409);
    const [seen] = await s.sql`select count(*)::int as n from stripe_events where id = ${JSON.parse(early).id}`;
    expect(seen!.n).toBe(0);
    expect((await refund({ paymentIntentId: 'pi_not_a_purchase', amount: { amount: 2_000 } }, 2_000)).body.result).toBe('ignored');
  });
});
