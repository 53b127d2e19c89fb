import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { deliver, paymentIntent, stripeEvent } from './stripe';
import { allocatedUnits, ledger, partnerSuite, partnerWorld } from './world';

// The real durations (a 14-day default expiry, a 24-hour payment window) pass in seconds on the
// time-skipping test server; nothing is shortened. Each scenario gets its own server, so its
// calendar starts today like the API's.
describe('response invitations over real calendar time', () => {
  const { s, w } = partnerSuite({ grant: 10 }, { timeSkipping: true, perTest: true });

  const create = async (name: string) => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: `${name}@example.test`, name } } });
    expect(res.status).toBe(201);
    return res.body as { id: string; expiresAt: string };
  };
  const status = async (id: string) => (await s.call('GET', `/v1/responses/${id}`, { token: w.manager.token })).body.status;

  it('stays open for 14 days, then expires, returns its unit, and is locked', async () => {
    const r = await create('fortnight');
    const before = await ledger(s, w.organizationId, w.assessmentId);
    await s.env!.sleep('13 days');
    expect(await status(r.id)).toBe('invited');
    await s.env!.sleep('25 hours');
    expect(await status(r.id)).toBe('expired');
    const after = await ledger(s, w.organizationId, w.assessmentId);
    expect(after.unexpired).toBe(before.unexpired - 1);
    expect(after.expired).toBe(before.expired + 1);
    expect(after.available).toBe(before.available + 1);
    const late = await s.call('POST', `/v1/responses/${r.id}/complete`, { token: w.manager.token, body: {} });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('RESPONSE_EXPIRED');
  });

  it('completed on day 10 is Used for good and never expires', async () => {
    const r = await create('diligent');
    await s.env!.sleep('10 days');
    expect((await s.call('POST', `/v1/responses/${r.id}/complete`, { token: w.manager.token, body: {} })).body.status).toBe('completed');
    const after = await ledger(s, w.organizationId, w.assessmentId);
    await s.env!.sleep('30 days');
    expect(await status(r.id)).toBe('completed');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ used: after.used, expired: after.expired });
  });

  it('an extension moves the expiry: open past day 14, expired after the new date', async () => {
    const r = await create('extended');
    await s.env!.sleep('13 days');
    const newExpiry = new Date(new Date(r.expiresAt).getTime() + 7 * 86_400_000).toISOString();
    expect((await s.call('POST', `/v1/responses/${r.id}/extend`, { token: w.manager.token, body: { expiresAt: newExpiry } })).status).toBe(200);
    await s.env!.sleep('3 days');
    expect(await status(r.id)).toBe('invited');
    await s.env!.sleep('5 days');
    expect(await status(r.id)).toBe('expired');
  });
});

describe('cohort pricing over real calendar time', () => {
  const { s } = suiteStack({ timeSkipping: true });

  it('a cohort is Used at creation and never expires; its responses cost nothing even when they expire', async () => {
    const w = await partnerWorld(s, { pricingByCohort: true, grant: 2 });
    const cohort = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Empty but counted' } });
    expect(cohort.body.counted).toBe(true);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ unit: 'cohort', allocated: 2, invited: 1, used: 1, unexpired: 0, available: 1 });

    const second = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Busy' } });
    const inv = await s.call('POST', `/v1/cohorts/${second.body.id}/invitations`, {
      token: w.manager.token,
      body: { respondents: Array.from({ length: 25 }, (_, i) => ({ email: `c${i}@example.test`, name: `C${i}` })) },
    });
    expect(inv.status).toBe(201);
    expect(inv.body.items.map((r: { counted: boolean }) => r.counted)).toEqual(Array(25).fill(false));
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ invited: 2, used: 2, available: 0 });

    const third = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: 'One too many' } });
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('ALLOTMENT_EXHAUSTED');

    const outside = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: 'solo@example.test', name: 'Solo' } } });
    expect(outside.status).toBe(422);

    await s.env!.sleep('30 days');
    const [expired] = await s.sql`select count(*)::int as n from responses where cohort_id = ${second.body.id} and status = 'expired'`;
    expect(expired!.n).toBe(25);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ allocated: 2, invited: 2, used: 2, unexpired: 0, expired: 0, available: 0 });
  });
});

describe('purchases over real calendar time', () => {
  const { s, w } = partnerSuite({}, { timeSkipping: true, perTest: true, publicBaseUrl: 'https://partners.example.test' });

  const buy = async (quantity: number, o: { checkout?: boolean } = {}) => {
    const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity, currency: 'EUR', ...o } });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('an unpaid purchase expires after 24 hours and allocates nothing', async () => {
    const p = await buy(10);
    expect(p).toMatchObject({ status: 'pending_payment', quantity: 10, amount: { amount: 10_000, currency: 'EUR' } });
    expect(p.clientSecret).toMatch(/secret/);
    await s.env!.sleep('23 hours');
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body.status).toBe('pending_payment');
    await s.env!.sleep('2 hours');
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body.status).toBe('expired');
    expect(await allocatedUnits(s, w.organizationId, w.assessmentId)).toBe(0);
  });

  it('a purchase paid within the window is allocated once and stays paid', async () => {
    const p = await buy(150);
    expect(p.amount).toEqual({ amount: 150 * 800, currency: 'EUR' });
    await s.env!.sleep('3 hours');
    const res = await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: p.paymentIntentId, amount: 150 * 800, purchaseId: p.id })));
    expect(res.body.result).toBe('applied');
    await s.client.workflow.getHandle(`purchase-${p.id}`).result();
    await s.env!.sleep('2 days');
    expect((await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body.status).toBe('paid');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ allocated: 150, available: 150 });
  });

  it('an unpaid Checkout purchase expires after 24 hours and allocates nothing', async () => {
    const p = await buy(4, { checkout: true });
    expect(p).toMatchObject({ status: 'pending_payment', checkout: true, checkoutUrl: expect.stringMatching(/^https:/) });
    await s.env!.sleep('25 hours');
    expect(await s.client.workflow.getHandle(`purchase-${p.id}`).result()).toBe('expired');
    const expired = (await s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token })).body;
    expect(expired).toMatchObject({ status: 'expired', checkoutUrl: null });
    expect(await allocatedUnits(s, w.organizationId, w.assessmentId)).toBe(0);
  });
});
