import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile, contractTruth, studioWorld, tariff, waitForAggregator } from '../aggregators/world';
import { openBrowser, type Browser } from '../support/browser';
import { ok } from '../support/client';
import { checkScreen, consoleErrors, signInToPortal } from '../support/portal';
import { suiteStack } from '../support/suite';
import { unique, uniqueEmail } from '../support/unique';

const PROFILES = 50;

// The admins' room, as an admin uses it in a real Chromium: site settings, price lists, and an
// aggregator integration's Tariff assignment widget with its backfill's progress.
describe('portal admin', () => {
  const { s } = suiteStack({});
  let b: Browser;
  let adminSignedIn = false;
  beforeAll(async () => {
    b = await openBrowser();
  });
  /** The browser signed in as an admin, through the e-mailed link (once for the tests that need it). */
  const asAdmin = async () => {
    if (adminSignedIn) return b.page;
    const admin = await s.userWithToken({ role: 'admin', email: uniqueEmail('admin') });
    await signInToPortal(b.page, s, admin.email);
    adminSignedIn = true;
    return b.page;
  };
  afterAll(async () => b?.close());

  /** GET /v1/assessments/{id}/price-lists as JSON (the route also answers CSV). */
  const priceLists = async (assessmentId: string, organizationId?: string) => {
    const r = await s.call<{ items: { id: string; name: string; successorId: string | null }[] }>('GET', `/v1/assessments/${assessmentId}/price-lists${organizationId ? `?organizationId=${organizationId}` : ''}`);
    expect(r.status).toBe(200);
    return r.body.items;
  };
  const settings = async () => (await ok(s.api.GET('/v1/settings'), 200)).useAllotments;

  it('turns Use Allotments off and on, as GET /v1/settings then says', { timeout: 180_000 }, async () => {
    await ok(s.api.PATCH('/v1/settings', { body: { useAllotments: true } }), 200);
    const page = await asAdmin();
    await page.goto(`${s.baseUrl}/portal/admin/settings`);
    const toggle = page.getByLabel('Use Allotments');
    expect(await toggle.isChecked()).toBe(true);

    await toggle.uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await page.getByLabel('Use Allotments').isChecked()).toBe(false);
    expect(await settings()).toBe(false);

    await page.getByLabel('Use Allotments').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await page.getByLabel('Use Allotments').isChecked()).toBe(true);
    expect(await settings()).toBe(true);
    await checkScreen(page, 'admin-settings');
    expect(consoleErrors(b)).toEqual([]);
  });

  it('creates a price list with volume bands, shows it, and links it to an organization', { timeout: 180_000 }, async () => {
    const assessment = await ok(s.api.POST('/v1/assessments', { body: { name: unique('Leadership assessment') } }), 201);
    const orgName = unique('Price List Partner');
    const organizationId = await s.organization({ name: orgName, responseAllotment: 'can_be_purchased' });
    const page = await asAdmin();
    const errorsBefore = consoleErrors(b).length;
    await page.goto(`${s.baseUrl}/portal/admin/price-lists?assessmentId=${assessment.id}`);
    await page.getByText('This assessment has no price list yet.').waitFor();

    const fillBands = async (bands: [string, string][]) => {
      for (const [i, [upTo, unitAmount]] of bands.entries()) {
        await page.getByLabel(`Band ${i + 1}: up to (units)`).fill(upTo);
        await page.getByLabel(`Band ${i + 1}: unit price (minor units)`).fill(unitAmount);
      }
    };
    // Bands out of order are refused with the API's own problem, and nothing is created.
    await page.getByLabel('Name', { exact: true }).fill('Partner prices 2026');
    await fillBands([['99', '1000'], ['50', '800'], ['', '600']]);
    await page.getByRole('button', { name: 'Create price list' }).click();
    await page.getByRole('alert').filter({ hasText: 'Invalid price list' }).waitFor();
    expect(await page.getByRole('alert').first().innerText()).toContain('upTo must be greater than the previous band');
    expect(await priceLists(assessment.id)).toHaveLength(0);
    // The refused form comes back with the problem's status, which the browser notes in its console.
    expect(consoleErrors(b).slice(errorsBefore)).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);

    await fillBands([['99', '1000'], ['499', '800'], ['', '600']]);
    await page.getByRole('button', { name: 'Create price list' }).click();
    await page.getByText('Price list created.').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Price list Partner prices 2026');
    const bands = page.getByRole('table', { name: 'Volume bands in EUR' });
    expect(await bands.locator('tbody tr').allInnerTexts()).toEqual(['1\t1\t99\tEUR 10.00', '2\t100\t499\tEUR 8.00', '3\t500\tno end\tEUR 6.00']);

    const lists = await priceLists(assessment.id);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({
      name: 'Partner prices 2026',
      tiersMode: 'volume',
      currencies: { EUR: [{ upTo: 99, unitAmount: 1000 }, { upTo: 499, unitAmount: 800 }, { upTo: null, unitAmount: 600 }] },
    });

    await page.getByLabel('Organization', { exact: true }).selectOption({ label: orgName });
    await page.getByRole('button', { name: 'Link organization' }).click();
    await page.getByText('Organization linked to this price list.').waitFor();
    expect((await priceLists(assessment.id, organizationId)).map((l) => l.id)).toEqual([lists[0]!.id]);
    await checkScreen(page, 'admin-price-list');

    // An end date through Edit (no purchase used the list: changed in place), then its successor.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Valid to (optional)').fill(day(30));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Price list saved.').waitFor();
    expect((await priceLists(assessment.id))[0]).toMatchObject({ id: lists[0]!.id, validTo: day(30), version: 1 });
    await page.getByRole('link', { name: 'Create its successor' }).click();
    await page.getByText(`prices purchases from ${day(31)}`).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Partner prices 2027');
    await fillBands([['', '700']]);
    await checkScreen(page, 'admin-price-list-successor');
    await page.getByRole('button', { name: 'Create successor' }).click();
    await page.getByText('Successor created').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Price list Partner prices 2027');
    const [successor, first] = await priceLists(assessment.id);
    expect(successor).toMatchObject({ name: 'Partner prices 2027', validFrom: day(31), validTo: null, currencies: { EUR: [{ upTo: null, unitAmount: 700 }] } });
    expect(first).toMatchObject({ id: lists[0]!.id, successorId: successor!.id });

    await page.getByRole('link', { name: assessment.name }).click();
    const rows = page.getByRole('table', { name: 'Price lists of the assessment, newest first' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('Partner prices 2027'), expect.stringContaining('Partner prices 2026')]);
    await checkScreen(page, 'admin-price-lists');
    expect(consoleErrors(b).slice(errorsBefore + 1)).toEqual([]);
  });

  it('assigns a FREE tariff to an aggregator: only FREE tariffs offered, a dry run, the backfill to 100 %, and deactivation', { timeout: 180_000 }, async () => {
    const w = await studioWorld(s);
    const paidTariffId = await tariff(s, w.organizationId, 'MONTHLY');
    const studio = await ok(s.api.GET('/v1/organizations/{id}', { params: { path: { id: w.organizationId } } }), 200);
    const tariffs = await ok(s.api.GET('/v1/tariffs', { params: { query: { organizationId: w.organizationId } } }), 200);
    const free = tariffs.items.find((t) => t.id === w.freeTariffId)!;
    const paid = tariffs.items.find((t) => t.id === paidTariffId)!;
    for (let i = 0; i < PROFILES; i += 10) {
      const created = await Promise.all(Array.from({ length: 10 }, () => profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId })));
      expect(created.map((r) => r.status)).toEqual(Array(10).fill(201));
    }
    const seeded = await ok(s.api.GET('/v1/aggregators/{id}', { params: { path: { id: w.aggregatorId } } }), 200);
    const page = await asAdmin();
    const errorsBefore = consoleErrors(b).length;

    // A new integration through the form, for the studio picked from the select.
    await page.goto(`${s.baseUrl}/portal/admin/aggregators`);
    await page.getByLabel('Studio', { exact: true }).selectOption({ label: studio.name });
    await page.getByLabel('Name', { exact: true }).fill('Pool partners');
    await page.getByRole('button', { name: 'Create integration' }).click();
    await page.getByText('Integration created. It has no tariff yet.').waitFor();
    const created = await ok(s.api.GET('/v1/aggregators', { params: { query: { organizationId: w.organizationId } } }), 200);
    expect(created.items.map((a) => a.name).sort()).toEqual([seeded.name, 'Pool partners'].sort());
    // On the new integration (no profiles yet): assign the FREE tariff, then remove it again.
    const pool = created.items.find((a) => a.name === 'Pool partners')!;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Done: every profile of the aggregator has a contract on the tariff.').waitFor({ timeout: 90_000 });
    expect(await ok(s.api.GET('/v1/aggregators/{id}', { params: { path: { id: pool.id } } }), 200)).toMatchObject({ tariffId: free.id, state: 'done' });
    await page.getByRole('button', { name: 'Remove the tariff' }).click();
    await page.getByText('Tariff removed: the backfill terminates the contracts.').waitFor();
    await page.getByText('Done: the tariff is removed and its contracts terminated.').waitFor({ timeout: 90_000 });
    expect(await ok(s.api.GET('/v1/aggregators/{id}', { params: { path: { id: pool.id } } }), 200)).toMatchObject({ tariffId: null, state: 'done', status: 'active' });

    await page.goto(`${s.baseUrl}/portal/admin/aggregators?organizationId=${w.organizationId}`);
    const listed = page.getByRole('table', { name: 'Aggregator integrations' }).locator('tbody tr');
    await expect.poll(() => listed.count()).toBe(2);
    await checkScreen(page, 'admin-aggregators');
    await page.getByRole('link', { name: seeded.name }).click();
    await page.getByRole('heading', { name: 'Tariff assignment' }).waitFor();

    // Only the studio's FREE tariff is offered; the monthly one is not.
    const offered = await page.getByLabel('Free tariff').locator('option').allInnerTexts();
    expect(offered).toHaveLength(1);
    expect(offered[0]).toContain(free.name);
    expect(offered.join(' ')).not.toContain(paid.name);

    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByText(`Dry run: ${PROFILES} profiles will get a contract on ${free.name}`).waitFor();
    expect((await contractTruth(s, w.aggregatorId)).withNone).toBe(PROFILES);
    expect((await ok(s.api.GET('/v1/aggregators/{id}', { params: { path: { id: w.aggregatorId } } }), 200)).tariffId).toBeNull();
    await checkScreen(page, 'admin-aggregator');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Tariff saved: the backfill gives every profile a contract.').waitFor();
    await page.getByText(`100 % (${PROFILES} of ${PROFILES})`).waitFor({ timeout: 90_000 });
    await page.getByText('Done: every profile of the aggregator has a contract on the tariff.').waitFor({ timeout: 90_000 });
    const assigned = await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    expect(assigned).toMatchObject({ tariffId: free.id, profilesTotal: PROFILES, profilesDone: PROFILES });
    const truth = await contractTruth(s, w.aggregatorId);
    expect(truth).toMatchObject({ profiles: PROFILES, withOne: PROFILES, withMore: 0, withNone: 0, tariffs: [free.id] });
    await checkScreen(page, 'admin-aggregator-backfill');
    // The fragment the bar polls stops asking once the backfill is done.
    const fragment = await page.request.get(`${s.baseUrl}/portal/admin/aggregators/${w.aggregatorId}/backfill`, { headers: { 'hx-request': 'true' } });
    expect(fragment.status()).toBe(200);
    const html = await fragment.text();
    expect(html).toContain(`100 % (${PROFILES} of ${PROFILES})`);
    expect(html).not.toContain('hx-trigger');

    await page.getByRole('button', { name: 'Dry run of the deactivation' }).click();
    await page.getByText(`Dry run: deactivating terminates ${PROFILES} contracts and detaches ${PROFILES} profiles`).waitFor();
    await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await page.getByText('Integration deactivated: the clean-up runs.').waitFor();
    await page.getByText('Clean-up done: the integration is inactive and its profiles are plain prospects.').waitFor({ timeout: 90_000 });
    await page.getByText(`100 % (${PROFILES} of ${PROFILES})`).waitFor();
    const deactivated = await ok(s.api.GET('/v1/aggregators/{id}', { params: { path: { id: w.aggregatorId } } }), 200);
    expect(deactivated).toMatchObject({ status: 'inactive', state: 'done', tariffId: null });
    const attached = await s.call<{ items: unknown[] }>('GET', `/v1/profiles?organizationId=${w.organizationId}&aggregatorId=${w.aggregatorId}`);
    expect(attached.status).toBe(200);
    expect(attached.body.items).toHaveLength(0);
    const [terminated] = await s.sql<{ n: number }[]>`
      select count(*)::int as n from contracts where aggregator_id = ${w.aggregatorId} and status = 'terminated' and termination_reason = 'aggregator_deactivated'`;
    expect(terminated!.n).toBe(PROFILES);
    expect(await page.getByRole('heading', { name: 'Tariff assignment' }).count()).toBe(0);
    expect(consoleErrors(b).slice(errorsBefore)).toEqual([]);
  });

  it('refuses a manager the admin pages with the portal’s 403 page', { timeout: 120_000 }, async () => {
    const organizationId = await s.organization({ name: unique('Manager Org') });
    const manager = await s.userWithToken({ role: 'manager', organizationId, email: uniqueEmail('manager') });
    const { page } = b;
    const errorsBefore = consoleErrors(b).length;
    await b.context.clearCookies();
    adminSignedIn = false;
    await signInToPortal(page, s, manager.email);
    const sections = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allInnerTexts();
    expect(sections).not.toContain('Site settings');
    const answer = await page.goto(`${s.baseUrl}/portal/admin/settings`);
    expect(answer?.status()).toBe(403);
    await page.getByRole('alert').filter({ hasText: 'This needs the role admin' }).waitFor();
    // Even a form with the manager's own anti-forgery token is refused by the role check, changing nothing.
    await page.goto(`${s.baseUrl}/portal`);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const before = await settings();
    const post = await page.request.post(`${s.baseUrl}/portal/admin/settings`, { form: { _csrf: csrf, ...(before ? {} : { useAllotments: 'on' }) }, headers: { origin: s.baseUrl } });
    expect(post.status()).toBe(403);
    expect(await post.text()).toContain('This needs the role admin');
    expect(await settings()).toBe(before);
    // The browser notes the 403 answer itself in its console; nothing else.
    expect(consoleErrors(b).slice(errorsBefore)).toEqual(['Failed to load resource: the server responded with a status of 403 (Forbidden)']);
  });
});
