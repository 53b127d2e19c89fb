// `npm run tools -- stripe-pay <purchaseId> [--amount <minor units>]`: pays a purchase locally the way
// Stripe would, by sending the local webhook a correctly signed event for the purchase's own
// PaymentIntent (or Checkout Session), amount and currency (docs/allotments.md, "Paying locally").
// It reads the purchase from the API ($API, $TOKEN) and signs with STRIPE_WEBHOOK_SECRET using
// Stripe's own helper, so the webhook checks it exactly as it checks Stripe's deliveries.
import Stripe from 'stripe';

export interface StripePayEnv {
  API?: string;
  TOKEN?: string;
  STRIPE_WEBHOOK_SECRET?: string;
}

interface PurchaseAnswer {
  id: string;
  status: string;
  checkout: boolean;
  paymentIntentId: string | null;
  checkoutSessionId: string | null;
  amount: { amount: number; currency: string };
}

const USAGE = 'usage: npm run tools -- stripe-pay <purchaseId> [--amount <minor units>]   (needs API, TOKEN and STRIPE_WEBHOOK_SECRET)';

/** The event Stripe sends when the purchase's payment succeeds; the id is fixed per purchase and amount, so sending it again is a duplicate. */
export function paymentEvent(p: PurchaseAnswer, amount: number, now = Math.floor(Date.now() / 1000)) {
  const currency = p.amount.currency.toLowerCase();
  const metadata = { purchaseId: p.id };
  const compact = p.id.replace(/-/g, '');
  const id = amount === p.amount.amount ? `evt_pay_${compact}` : `evt_pay_${compact}_${amount}`;
  const base = { id, object: 'event', api_version: '2024-06-20', created: now, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } };
  if (p.checkout) {
    return {
      ...base, type: 'checkout.session.completed',
      data: { object: {
        id: p.checkoutSessionId, object: 'checkout.session', amount_subtotal: amount, amount_total: amount, created: now, currency, livemode: false,
        metadata, mode: 'payment', payment_intent: null, payment_status: 'paid', status: 'complete', url: null,
      } },
    };
  }
  return {
    ...base, type: 'payment_intent.succeeded',
    data: { object: {
      id: p.paymentIntentId, object: 'payment_intent', amount, amount_capturable: 0, amount_received: amount, capture_method: 'automatic',
      created: now, currency, livemode: false, metadata, payment_method_types: ['card'], status: 'succeeded',
    } },
  };
}

/** Runs the command; answers the process exit code. */
export async function stripePay(args: string[], env: StripePayEnv, log: (line: string) => void): Promise<number> {
  const [purchaseId, ...rest] = args;
  let amountOverride: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--amount' && /^\d+$/.test(rest[i + 1] ?? '')) amountOverride = Number(rest[++i]);
    else {
      log(USAGE);
      return 2;
    }
  }
  const missing = (['TOKEN', 'STRIPE_WEBHOOK_SECRET'] as const).filter((k) => !env[k]);
  if (!purchaseId || missing.length > 0) {
    log(missing.length ? `stripe-pay: set ${missing.join(' and ')} (the token of an admin or of the purchase's manager; the webhook's signing secret)` : USAGE);
    return 2;
  }
  const api = (env.API ?? 'http://localhost:3000').replace(/\/$/, '');
  const read = async () => {
    const res = await fetch(`${api}/v1/allotments/purchases/${encodeURIComponent(purchaseId)}`, { headers: { authorization: `Bearer ${env.TOKEN}` } });
    const body = (await res.json().catch(() => null)) as (PurchaseAnswer & { detail?: string }) | null;
    return { status: res.status, body };
  };
  const found = await read();
  if (found.status !== 200 || !found.body) {
    log(`stripe-pay: GET /v1/allotments/purchases/${purchaseId} → ${found.status} ${found.body?.detail ?? ''}`.trim());
    return 1;
  }
  const purchase = found.body;
  if (!(purchase.checkout ? purchase.checkoutSessionId : purchase.paymentIntentId)) {
    log(`stripe-pay: purchase ${purchase.id} has no ${purchase.checkout ? 'Checkout Session' : 'PaymentIntent'} yet (status ${purchase.status}; is Stripe reachable?)`);
    return 1;
  }
  const amount = amountOverride ?? purchase.amount.amount;
  const payload = JSON.stringify(paymentEvent(purchase, amount));
  const signature = new Stripe('sk_test_stripe_pay').webhooks.generateTestHeaderString({ payload, secret: env.STRIPE_WEBHOOK_SECRET! });
  const event = JSON.parse(payload) as { id: string; type: string };
  log(`stripe-pay: ${event.type} ${event.id} for purchase ${purchase.id} (${amount} ${purchase.amount.currency})`);
  const res = await fetch(`${api}/v1/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  log(`POST /v1/stripe/webhook → ${res.status} ${await res.text()}`);
  if (res.status !== 200) return 1;
  // The allocation is the workflow's: show the purchase once it has settled (or as it is after 30 s).
  const deadline = Date.now() + 30_000;
  let now = await read();
  while (now.body?.status === 'pending_payment' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    now = await read();
  }
  log(`purchase ${purchase.id}: ${now.body?.status ?? `GET answered ${now.status}`}`);
  return 0;
}
