import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from '../support/browser';
import { ok } from '../support/client';
import { checkScreen, consoleErrors, signInToPortal } from '../support/portal';
import { suiteStack } from '../support/suite';
import { unique, uniqueEmail } from '../support/unique';
import { customer, distribution, readMail, waitFor } from '../sales/world';

/** A date `days` after today (UTC), as the date inputs and the API write it. */
const daysFromToday = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
};

/** How long a page may take to show what it should on a loaded machine. */
const WAIT = 30_000;

/** What Chromium logs for a page answered 400: a refused form shown again with the API's problem. */
const REFUSED = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';

/** The value a read-only field shows, once it shows what it should (htmx refreshes it). */
const shows = (page: Page, label: string, value: string) => expect.poll(() => page.getByLabel(label, { exact: true }).inputValue(), { timeout: WAIT }).toBe(value);

/** A fact of a sale's page (its dl): the text next to the term. */
const fact = (page: Page, term: string) => page.locator('dl.facts dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]').innerText();

// Seed 001 as a reseller and an approver do it, in two real Chromiums: Sales management,
// "Register new sale" in its three steps, the sale's page, the approvers' queue.
describe('portal sales management and approvals', () => {
  const { s } = suiteStack();
  let reseller: Browser;
  let approver: Browser;
  beforeAll(async () => {
    [reseller, approver] = await Promise.all([openBrowser(), openBrowser()]);
  });
  afterAll(async () => {
    await Promise.all([reseller?.close(), approver?.close()]);
  });

  it('a manager registers a sale in three steps; an approver refuses a rejection without reason, then approves it', { timeout: 180_000 }, async () => {
    const schoolName = unique('Portal School');
    const saleName = unique('Practice tests');
    const distributionName = unique('IT PRO / Practice Test');
    const distributionId = await distribution(s, { name: distributionName, unitPrices: { EUR: 1250, USD: 1400 } });
    const { manager } = await customer(s, { name: schoolName });
    const decider = await s.userWithToken({ role: 'approver', email: uniqueEmail('portal-approver') });
    const contact = uniqueEmail('grace');
    const activation = daysFromToday(30);
    const cancellation = daysFromToday(30 + 365);
    const page = reseller.page;

    await signInToPortal(page, s, manager.email);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sales management' }).click();
    await page.getByText('No sale yet.').waitFor();
    await page.getByRole('link', { name: 'Register new sale' }).click();

    // 1. Account and billing: search the customer by part of its name, add a contact.
    await page.getByRole('heading', { name: 'Account and billing information' }).waitFor();
    await page.getByLabel('Organization name').fill(schoolName.split('-')[1]!);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel(`${schoolName} (LTI service)`).check();
    await page.getByLabel('New contacts (optional)').fill(`Grace Hopper <${contact}>`);
    await checkScreen(page, 'sale-new-account');
    await page.getByRole('button', { name: 'Next step' }).click();

    // 2. Product distribution: prices computed as the number of users is typed.
    await page.getByRole('heading', { name: 'Product distribution' }).waitFor();
    await page.getByLabel('Product distribution').selectOption(distributionId);
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('Number of users').fill('40');
    await shows(page, 'Distribution price (per user)', 'EUR 12.50');
    await shows(page, 'Sales price', 'EUR 500.00');
    await shows(page, 'Key length', '180 days');
    await checkScreen(page, 'sale-new-distribution');
    // A number the API refuses keeps the user on this step, with the API's message at the field.
    await page.getByLabel('Number of users').fill('0');
    await page.getByRole('button', { name: 'Add distribution' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: WAIT }).toContain('distributions.0.numberOfUsers');
    expect(await page.getByLabel('Number of users').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Number of users').fill('40');
    await shows(page, 'Sales price', 'EUR 500.00');
    await page.getByRole('button', { name: 'Add distribution' }).click();

    // 3. Set-up: the cancellation date follows the activation date, 365 days later.
    await page.getByRole('heading', { name: 'Set-up' }).waitFor();
    await page.getByLabel('Customer PO number (optional)').fill('PO-4711');
    await page.getByLabel('Order number (optional)').fill('ORD-2024-17');
    await page.getByLabel('Activation date').fill(activation);
    await shows(page, 'Cancellation date', cancellation);
    await page.getByLabel('Billed').fill('invoice');
    await page.getByLabel('Sale name').fill(saleName);
    await page.getByLabel('Add a new comment (optional)').fill('First year for the whole school');
    await checkScreen(page, 'sale-new-setup');
    await page.getByRole('button', { name: 'Create new sale' }).click();

    // The sale's page: pending approval, no seat used yet.
    await page.waitForURL(/\/portal\/sales\/[0-9a-f-]{36}\?registered=1$/);
    const saleId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { name: `Sale: ${saleName}` }).waitFor();
    expect(await fact(page, 'Status')).toBe('Pending approval');
    expect(await fact(page, 'Seats used')).toBe('0 of 40 users');
    expect(await fact(page, 'Cancellation date')).toBe(cancellation);
    expect(await fact(page, 'Customer PO number')).toBe('PO-4711');
    await checkScreen(page, 'sale');

    // The API holds what was entered, priced by the catalog.
    const pending = await ok(s.apiAs(manager.token).GET('/v1/sales', { params: { query: { status: 'pending_approval' } } }), 200);
    if (typeof pending === 'string') throw new Error(`GET /v1/sales answered CSV: ${pending}`);
    expect(pending.items).toHaveLength(1);
    const listed = pending.items[0]!;
    expect(listed).toMatchObject({ id: saleId, name: saleName, status: 'pending_approval', activationDate: activation, cancellationDate: cancellation, customerPoNumber: 'PO-4711', orderNumber: 'ORD-2024-17', billed: 'invoice' });
    expect(listed.distributions).toHaveLength(1);
    expect(listed.distributions[0]).toMatchObject({ distributionId, numberOfUsers: 40, seatsUsed: 0, keyLengthDays: 180, distributionPrice: { amount: 1250, currency: 'EUR' }, salesPrice: { amount: 50_000, currency: 'EUR' } });
    const detail = await ok(s.apiAs(manager.token).GET('/v1/sales/{id}', { params: { path: { id: saleId } } }), 200);
    expect(detail.contacts.map((c) => c.email)).toContain(contact);
    expect(detail.comments.map((c) => c.text)).toEqual(['First year for the whole school']);

    // Sales management filtered by status lists it.
    await page.goto(`${s.baseUrl}/portal/sales`);
    await page.getByLabel('Status').selectOption('pending_approval');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('link', { name: saleName }).waitFor();
    await checkScreen(page, 'sales');

    // The approver was told, signs in through their own link and opens Approvals.
    await waitFor(
      async () => s.smtp.to(decider.email).map((m) => readMail(m.raw).subject),
      (subjects) => subjects.includes(`Sale waiting for approval: ${saleName}`),
      { what: "the approver's e-mail about the new sale", timeoutMs: 60_000 },
    );
    const queue = approver.page;
    await signInToPortal(queue, s, decider.email);
    await queue.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Approvals' }).click();
    await queue.getByRole('heading', { name: saleName }).waitFor();
    await checkScreen(queue, 'approvals');

    // Rejecting without a reason: the API's detail next to the reason, and nothing changes.
    await queue.getByRole('button', { name: `Reject ${saleName}` }).click();
    const reason = queue.getByLabel(`Reason for rejecting ${saleName}`);
    await expect.poll(() => reason.getAttribute('aria-invalid'), { timeout: WAIT }).toBe('true');
    const rejectForm = queue.locator(`form[action="/portal/approvals/${saleId}/reject"]`);
    expect(await rejectForm.getByRole('alert').innerText()).toContain('Invalid body: reason');
    expect((await ok(s.api.GET('/v1/sales/{id}', { params: { path: { id: saleId } } }), 200)).status).toBe('pending_approval');

    await queue.getByRole('button', { name: `Approve ${saleName}` }).click();
    await queue.getByRole('status').getByText('is approved').waitFor();
    await queue.getByText('No sale is waiting for approval.').waitFor();
    const approved = await ok(s.api.GET('/v1/sales/{id}', { params: { path: { id: saleId } } }), 200);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: decider.userId, activationDate: activation, cancellationDate: cancellation });

    // Approval e-mails the reseller; their sale page says approved.
    await waitFor(
      async () => s.smtp.to(manager.email).map((m) => readMail(m.raw).subject),
      (subjects) => subjects.includes(`Sale approved: ${saleName}`),
      { what: "the reseller's approval e-mail", timeoutMs: 60_000 },
    );
    await page.goto(`${s.baseUrl}/portal/sales/${saleId}`);
    expect(await fact(page, 'Status')).toBe('Approved');

    // Nothing but the two refusals this test asked for (Chromium logs a page answered 400).
    expect(consoleErrors(reseller)).toEqual([REFUSED]);
    expect(consoleErrors(approver)).toEqual([REFUSED]);
  });

  it('shows a refusal of the final registration on the step that holds it: a customer without the LTI service', { timeout: 180_000 }, async () => {
    const { organizationId, manager } = await customer(s, { name: unique('Portal Reseller') });
    const childName = unique('Portal Child Without LTI');
    const child = await ok(s.apiAs(manager.token).POST('/v1/organizations', { body: { name: childName } }), 201);
    expect(child).toMatchObject({ parentId: organizationId, ltiService: false });
    // The same browser as the first test's reseller: that reseller signs out, this one signs in.
    const page = reseller.page;
    await page.goto(`${s.baseUrl}/portal`);
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByText('You are signed out.').waitFor();
    const errorsBefore = consoleErrors(reseller).length;
    await signInToPortal(page, s, manager.email);
    await page.goto(`${s.baseUrl}/portal/sales/new`);
    await page.getByLabel('Organization name').fill(childName);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel(`${childName} (no LTI service`).check();
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByLabel('Number of users').fill('3');
    await shows(page, 'Sales price', 'EUR 37.50');
    await page.getByRole('button', { name: 'Add distribution' }).click();
    await page.getByLabel('Billed').fill('card');
    await page.getByLabel('Sale name').fill(unique('Refused plan'));
    await page.getByRole('button', { name: 'Create new sale' }).click();

    // Back on step 1, the customer still chosen, with the API's detail.
    await page.getByRole('heading', { name: 'Account and billing information' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(`${childName} has no LTI service`);
    expect(await page.getByLabel(`${childName} (no LTI service`).isChecked()).toBe(true);
    const sales = await ok(s.apiAs(manager.token).GET('/v1/sales', { params: { query: { organizationId: child.id } } }), 200);
    if (typeof sales === 'string') throw new Error(`GET /v1/sales answered CSV: ${sales}`);
    expect(sales.items).toHaveLength(0);
    // Nothing in the console but the refused registration's page (422).
    expect(consoleErrors(reseller).slice(errorsBefore)).toEqual([expect.stringContaining('status of 422')]);
  });
});
