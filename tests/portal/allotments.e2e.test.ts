import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutReturnUrls } from '../../src/domain/allotments/payments';
import { checkoutSession, deliver, stripeEvent } from '../allotments/stripe';
import { ledger, partnerWorld } from '../allotments/world';
import { ok } from '../support/client';
import { openBrowser, type Browser } from '../support/browser';
import { checkScreen, consoleErrors, signInToPortal } from '../support/portal';
import type { TestStack } from '../support/stack';
import { suiteStack, type SuiteOptions } from '../support/suite';

/**
 * The public address in front of the API (PUBLIC_BASE_URL: where Stripe Checkout sends the buyer
 * back and the sign-in links point): a real HTTP hop that forwards every request unchanged.
 */
async function publicFront(target: () => string) {
  const server: Server = createServer((req, res) => {
    const api = new URL(target());
    const out = request({ host: api.hostname, port: api.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', (err) => res.destroy(err));
    req.pipe(out);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

/** What Chromium logs for a page answered 400: a refused form is re-shown with the API's status. */
const REFUSED_PAGE = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';

/** A table row as the user reads it: its cells by their column headings. */
async function rowOf(page: Page, caption: RegExp, text: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: caption });
  const head = await table.locator('thead th').allInnerTexts();
  const row = table.locator('tbody tr').filter({ hasText: text });
  await expect.poll(() => row.count()).toBe(1);
  const cells = await row.locator('td').allInnerTexts();
  return Object.fromEntries(head.map((h, i) => [h, (cells[i] ?? '').trim()]));
}

// Seeds 000 and 002: a partner's manager reads the Allotments list's six columns and buys units
// through the Partner Portal, paying on Stripe's hosted Checkout.
describe('portal: Allotments and Buy', () => {
  const opts: SuiteOptions = {};
  let front: Awaited<ReturnType<typeof publicFront>>;
  let stack: TestStack | undefined;
  beforeAll(async () => {
    front = await publicFront(() => stack!.baseUrl);
    opts.publicBaseUrl = front.url;
  });
  const { s, w } = suiteStack(opts, async (started) => {
    stack = started;
    return partnerWorld(started, { grant: 5 });
  });
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await front?.close();
  });

  it('a manager reads the list, buys on Stripe Checkout, and sees the units credited in the list and the ledger', { timeout: 180_000 }, async () => {
    const { page } = b;
    const assessment = await ok(s.api.GET('/v1/assessments/{id}', { params: { path: { id: w.assessmentId } } }), 200);
    // The browser goes through the public address, as a partner would.
    const viaFront = new Proxy(s, { get: (t, k) => (k === 'baseUrl' ? front.url : Reflect.get(t, k)) });
    await signInToPortal(page, viaFront, w.manager.email);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Allotments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Allotments' }).waitFor();
    const listed = await rowOf(page, /^Allotments of /, assessment.name);
    expect(listed).toMatchObject({ Allocated: '5', Invited: '0', Used: '0', Unexpired: '0', Expired: '0', Available: '5', 'Low-balance threshold': 'off' });
    await checkScreen(page, 'allotments');

    // Buy: a quantity the API refuses shows the API's own detail, and its message next to the field.
    await page.getByRole('link', { name: `Buy units of ${assessment.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Buy units: ${assessment.name}` }).waitFor();
    const refused = await s.call('POST', '/v1/allotments/purchases', {
      token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 0, currency: 'EUR', checkout: true },
    });
    expect(refused.status).toBe(400);
    await page.getByLabel('Responses to buy').fill('0');
    await page.getByRole('button', { name: 'Get a quote' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain(refused.body.detail);
    expect(await page.locator('#f-quantity-error').innerText()).toBe(refused.body.errors[0].message);
    expect(await page.getByLabel('Responses to buy').getAttribute('aria-invalid')).toBe('true');

    // 120 units fall in the 100–499 band at EUR 8.00: EUR 960.00.
    await page.getByLabel('Responses to buy').fill('120');
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByRole('button', { name: 'Get a quote' }).click();
    const quote = page.getByRole('region', { name: 'Your quote' });
    await quote.waitFor();
    expect(await quote.locator('dl').innerText()).toMatch(/Units\s+120\s+Volume band\s+100 to 499 units\s+Unit price\s+EUR 8\.00\s+Total\s+EUR 960\.00/);
    await checkScreen(page, 'buy');

    // Continue to payment: the portal's answer sends the browser to Stripe's hosted Checkout page.
    // There is no internet here: the answer's target is read, and the page itself is not loaded.
    let answer: { status: number; location: string | undefined } | undefined;
    await page.route(`${front.url}/portal/allotments/buy`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const res = await route.fetch({ maxRedirects: 0 });
      answer = { status: res.status(), location: res.headers().location };
      await route.abort('blockedbyclient');
    });
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect.poll(() => answer, { timeout: 60_000 }).toBeDefined();
    await page.unroute(`${front.url}/portal/allotments/buy`);
    const purchases = await s.call<{ items: { id: string; checkoutUrl: string | null; checkoutSessionId: string | null }[] }>('GET', `/v1/allotments/purchases?organizationId=${w.organizationId}`, { token: w.manager.token });
    expect(purchases.status).toBe(200);
    expect(purchases.body.items).toHaveLength(2);
    const placed = purchases.body.items[0]!;
    expect(placed).toMatchObject({ status: 'pending_payment', checkout: true, quantity: 120, amount: { amount: 96_000, currency: 'EUR' } });
    expect(answer).toEqual({ status: 303, location: placed.checkoutUrl });
    expect(placed.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);

    // Stripe sends the buyer back to the purchase's return addresses: the portal's page of the purchase.
    // Cancelled on Stripe's page, the buyer can go back to it from there.
    const { successUrl, cancelUrl } = checkoutReturnUrls(front.url, placed.id);
    await page.goto(cancelUrl);
    await page.waitForURL(`${front.url}/portal/allotments/purchases/${placed.id}?checkout=cancelled`);
    await page.getByText('The payment was cancelled. You can continue to payment until').waitFor();
    expect(await page.getByRole('link', { name: 'Continue to payment' }).getAttribute('href')).toBe(placed.checkoutUrl);
    // The return address leads only to the portal's page of a purchase, whatever else it is given.
    const odd = await fetch(`${front.url}/partner-portal/purchases/${placed.id}?checkout=https://elsewhere.example`, { redirect: 'manual' });
    expect([odd.status, odd.headers.get('location')]).toEqual([303, `/portal/allotments/purchases/${placed.id}`]);
    expect((await fetch(`${front.url}/partner-portal/purchases/..%2F..%2Fv1`, { redirect: 'manual' })).status).toBe(404);

    const back = successUrl.replace('{CHECKOUT_SESSION_ID}', placed.checkoutSessionId!);
    await page.goto(back);
    await page.waitForURL(`${front.url}/portal/allotments/purchases/${placed.id}?checkout=success`);
    await page.getByText('Waiting for Stripe to confirm the payment').waitFor();
    await checkScreen(page, 'purchase');

    // Stripe confirms the payment (a signed checkout.session.completed); the waiting page returns to the list with the units.
    const paid = stripeEvent('checkout.session.completed', checkoutSession({ id: placed.checkoutSessionId!, amountTotal: 96_000, purchaseId: placed.id, paymentIntentId: 'pi_portal_checkout_1' }));
    expect((await deliver(s, paid)).body.result).toBe('applied');
    await page.waitForURL((url) => url.pathname === '/portal/allotments' && url.searchParams.get('credited') === placed.id, { timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: `120 unit(s) of ${assessment.name} were credited` }).waitFor();
    expect(await rowOf(page, /^Allotments of /, assessment.name)).toMatchObject({ Allocated: '125', Available: '125' });
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ allocated: 125, available: 125 });
    expect(await rowOf(page, /purchase\(s\) of/, '960.00')).toMatchObject({ Units: '120', Amount: 'EUR 960.00', Status: 'Paid, units credited' });

    // The purchase page, opened again, says so too (and no longer polls).
    await page.goto(`${front.url}/portal/allotments/purchases/${placed.id}`);
    await page.getByText('120 unit(s) were credited').waitFor();

    // The ledger shows the credit, referring to the purchase.
    await page.getByRole('link', { name: 'Back to the Allotments' }).first().click();
    await page.getByRole('link', { name: assessment.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Ledger: ${assessment.name}` }).waitFor();
    const credit = await rowOf(page, /^Every movement of /, placed.id);
    expect(credit).toMatchObject({ Type: 'Credit (allocation)', Units: '120', Reference: `Purchase ${placed.id}`, 'Available after': '125' });
    const entries = await page.getByRole('table', { name: /^Every movement of / }).locator('tbody tr').count();
    expect(entries).toBe(2);
    await checkScreen(page, 'allotment-ledger');

    // The low-balance threshold: what the API refuses is shown at the field; a valid one is saved through the same service.
    await page.getByLabel('Low-balance threshold (units)').fill('-1');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await page.locator('#f-lowBalanceThreshold-error').waitFor();
    await page.getByLabel('Low-balance threshold (units)').fill('20');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await page.getByText('The low-balance threshold is saved.').waitFor();
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ lowBalanceThreshold: 20 });
    expect(await page.getByLabel('Low-balance threshold (units)').inputValue()).toBe('20');

    // The two refused forms were answered 400, as the API answers them (Chromium notes each such page); nothing else went wrong.
    expect(consoleErrors(b).filter((e) => e !== REFUSED_PAGE)).toEqual([]);
    expect(consoleErrors(b).filter((e) => e === REFUSED_PAGE)).toHaveLength(2);
  });

  it('an admin picks any organization and reads the same columns as GET /v1/allotments', { timeout: 120_000 }, async () => {
    const { page } = b;
    const earlier = consoleErrors(b).length;
    await b.context.clearCookies();
    const admin = await s.userWithToken({ role: 'admin' });
    const [org, assessment] = await Promise.all([
      ok(s.api.GET('/v1/organizations/{id}', { params: { path: { id: w.organizationId } } }), 200),
      ok(s.api.GET('/v1/assessments/{id}', { params: { path: { id: w.assessmentId } } }), 200),
    ]);
    const viaFront = new Proxy(s, { get: (t, k) => (k === 'baseUrl' ? front.url : Reflect.get(t, k)) });
    await signInToPortal(page, viaFront, admin.email);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Allotments' }).click();
    await page.getByLabel('Organization').selectOption({ label: org.name });
    await page.getByRole('button', { name: 'Show allotments' }).click();
    const listed = await rowOf(page, new RegExp(`^Allotments of ${org.name}`), assessment.name);
    const api = await ledger(s, w.organizationId, w.assessmentId);
    expect(listed).toMatchObject({
      Allocated: String(api.allocated), Invited: String(api.invited), Used: String(api.used), Unexpired: String(api.unexpired),
      Expired: String(api.expired), Available: String(api.available), 'Low-balance threshold': String(api.lowBalanceThreshold ?? 'off'),
    });
    expect(consoleErrors(b).slice(earlier)).toEqual([]);
  });
});
