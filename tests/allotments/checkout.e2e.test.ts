import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createStripe } from '../../src/stripe';
import { suiteStack } from '../support/suite';
import { checkoutSession, deliver, paymentIntent, stripeEvent } from './stripe';
import { allocatedUnits, ledger, ledgerFromFacts, partnerSuite, partnerWorld, waitFor } from './world';

const PUBLIC_BASE_URL = 'https://partners.example.test';

/** stripe-mock behind a recorder: what the worker asked Stripe, request by request. */
async function recordingStripe(target: string) {
  const requests: { method: string; path: string; form: URLSearchParams; idempotencyKey: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      requests.push({ method: req.method!, path: req.url!, form: new URLSearchParams(body), idempotencyKey });
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
      fetch(target + req.url, { method: req.method, headers, body: req.method === 'GET' ? undefined : body }).then(
        async (up) => {
          res.writeHead(up.status, { 'content-type': up.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await up.arrayBuffer()));
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

// Seed 000: "Once logged in, the partner can purchase allotments through the Partner Portal. Each
// purchase goes through Stripe": on a Stripe-hosted Checkout page when they ask for it.
describe('paying on a Stripe-hosted Checkout page', () => {
  let recorder: Awaited<ReturnType<typeof recordingStripe>>;
  const { s, w } = partnerSuite({}, { publicBaseUrl: PUBLIC_BASE_URL, worker: false });
  afterAll(async () => recorder?.close());

  const buy = (body: Record<string, unknown>, token = w.manager.token) =>
    s.call('POST', '/v1/allotments/purchases', { token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, currency: 'EUR', ...body } });
  const purchase = async (id: string) => (await s.call('GET', `/v1/allotments/purchases/${id}`, { token: w.manager.token })).body;
  const allocated = () => allocatedUnits(s, w.organizationId, w.assessmentId);

  it('answers a Checkout URL whose session asks for the quoted amount and returns to PUBLIC_BASE_URL', async () => {
    // The worker's Stripe calls go through the recorder (the API's own client is not needed for this).
    recorder = await recordingStripe(inject('stripeMockUrl'));
    s.deps.stripe = createStripe({ secretKey: 'sk_test_partnerflow', apiUrl: recorder.url });
    await s.startWorker();

    const res = await buy({ quantity: 120, checkout: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending_payment', checkout: true, amount: { amount: 96_000, currency: 'EUR' }, clientSecret: null, paymentIntentId: null });
    expect(res.body.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(res.body.checkoutSessionId).toMatch(/^cs_/);

    const created = recorder.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(created).toHaveLength(1);
    const form = created[0]!.form;
    expect(created[0]!.idempotencyKey).toBe(`purchase-${res.body.id}-checkout-session`);
    expect(Object.fromEntries(['mode', 'success_url', 'cancel_url', 'metadata[purchaseId]', 'payment_intent_data[metadata][purchaseId]', 'line_items[0][quantity]', 'line_items[0][price_data][unit_amount]', 'line_items[0][price_data][currency]'].map((k) => [k, form.get(k)]))).toEqual({
      mode: 'payment',
      success_url: `${PUBLIC_BASE_URL}/partner-portal/purchases/${res.body.id}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${PUBLIC_BASE_URL}/partner-portal/purchases/${res.body.id}?checkout=cancelled`,
      'metadata[purchaseId]': res.body.id,
      'payment_intent_data[metadata][purchaseId]': res.body.id,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][unit_amount]': '96000',
      'line_items[0][price_data][currency]': 'eur',
    });
    expect(recorder.requests.some((r) => r.path.startsWith('/v1/payment_intents'))).toBe(false);
    // The PaymentIntent flow stays the default.
    const plain = await buy({ quantity: 1 });
    expect(plain.body).toMatchObject({ checkout: false, checkoutUrl: null, clientSecret: expect.any(String), paymentIntentId: expect.stringMatching(/^pi_/) });
  });

  it('is paid by its session\'s completion, once, whatever the PaymentIntent events around it say', async () => {
    const before = await allocated();
    const p = (await buy({ quantity: 10, checkout: true })).body;
    const pi = 'pi_checkout_paid_1';
    // The session's PaymentIntent is reported before the session completed: it is the session's to decide.
    const early = await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: pi, amount: 10_000, purchaseId: p.id })));
    expect(early.body.result).toBe('ignored');
    expect((await purchase(p.id)).status).toBe('pending_payment');

    const completed = stripeEvent('checkout.session.completed', checkoutSession({ id: p.checkoutSessionId, amountTotal: 10_000, purchaseId: p.id, paymentIntentId: pi }));
    const results = await Promise.all([deliver(s, completed), deliver(s, completed)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.result).sort()).toEqual(['applied', 'duplicate']);
    const paid = await waitFor(() => purchase(p.id), (x) => x.status === 'paid');
    expect(paid).toMatchObject({ status: 'paid', paymentIntentId: pi, checkoutUrl: null });
    // Now the PaymentIntent is known: a later report of it is the same payment, allocated once.
    expect((await deliver(s, stripeEvent('payment_intent.succeeded', paymentIntent({ id: pi, amount: 10_000, purchaseId: p.id })))).body.result).toBe('applied');
    const [alloc] = await s.sql`select count(*)::int as n, sum(units)::int as units from allocations where purchase_id = ${p.id}`;
    expect(alloc).toEqual({ n: 1, units: 10 });
    expect(await allocated()).toBe(before + 10);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
  });

  it('takes no other session, amount or currency as its payment', async () => {
    const before = await allocated();
    const p = (await buy({ quantity: 3, checkout: true })).body;
    for (const object of [
      checkoutSession({ id: 'cs_someone_else', amountTotal: 3_000, purchaseId: p.id }),
      checkoutSession({ id: p.checkoutSessionId, amountTotal: 1, purchaseId: p.id }),
      checkoutSession({ id: p.checkoutSessionId, amountTotal: 3_000, currency: 'usd', purchaseId: p.id }),
    ]) {
      expect((await deliver(s, stripeEvent('checkout.session.completed', object))).body.result).toBe('applied');
    }
    const shown = await purchase(p.id);
    expect(shown.status).toBe('payment_mismatch');
    expect(shown.paymentMismatches.map((m: { reasons: string[] }) => m.reasons)).toEqual([['object_id'], ['amount'], ['currency']]);
    expect(await allocated()).toBe(before);
  });

  it('refuses checkout for a manual grant (400)', async () => {
    const res = await buy({ quantity: 3, checkout: true, paymentMethod: 'manual' }, s.adminToken);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('checkout');
  });
});

describe('Checkout without PUBLIC_BASE_URL', () => {
  const { s } = suiteStack({ worker: false });

  it('refuses checkout: true with 409 naming the setting, creating nothing', async () => {
    const w = await partnerWorld(s);
    const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 2, currency: 'EUR', checkout: true } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', setting: 'PUBLIC_BASE_URL' });
    const [count] = await s.sql`select count(*)::int as n from purchases where organization_id = ${w.organizationId}`;
    expect(count!.n).toBe(0);
  });
});
