import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/tools/paths';
import { openBrowser, type Browser } from '../support/browser';
import { suiteStack } from '../support/suite';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

// /docs as a user opens it, in a real headless Chromium: everything it loads comes from this
// API (swagger-ui-dist, served by the app), so it works on a machine without internet.
describe('/docs in a real browser', () => {
  const { s } = suiteStack({ worker: false });
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => browser?.close());

  it('lists every operation, opens one, runs one with a token, and loads nothing from outside this API', { timeout: 120_000 }, async () => {
    const doc = (await s.call('GET', '/openapi.json', { token: null })).body as { paths: Record<string, Record<string, unknown>>; webhooks: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((k) => METHODS.includes(k)));
    // Swagger UI shows the OpenAPI 3.1 webhooks (the events partnerflow sends, docs/events.md) as operations too.
    const webhooks = Object.values(doc.webhooks).flatMap((item) => Object.keys(item).filter((k) => METHODS.includes(k)));
    expect(webhooks.length).toBeGreaterThanOrEqual(22);
    expect(operations.length).toBeGreaterThan(50);

    const { page } = browser;
    await page.goto(`${s.baseUrl}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBe(operations.length + webhooks.length);
    expect(await page.locator('.info .title').innerText()).toContain('partnerflow API');

    // Open "POST /v1/organizations": its request body and its answers are shown.
    const create = page.locator('#operations-organizations-post_v1_organizations');
    await create.locator('.opblock-summary').click();
    await create.locator('.opblock-body').waitFor();
    await expect.poll(() => create.locator('.opblock-body').innerText()).toContain('Request body');
    expect(await create.locator('.responses-table').innerText()).toContain('201');

    // Authorize with a bearer token, then "Try it out" on GET /v1/settings: the page calls this API.
    await page.locator('.auth-wrapper .authorize').click();
    await page.locator('.modal-ux input').fill(s.adminToken);
    await page.locator('.modal-ux .auth-btn-wrapper .authorize').click();
    await page.locator('.modal-ux .btn-done').click();
    const settings = page.locator('#operations-settings-get_v1_settings');
    await settings.locator('.opblock-summary').click();
    await settings.locator('.try-out__btn').click();
    await settings.locator('.execute').click();
    const live = settings.locator('.live-responses-table tbody .response-col_status');
    await live.first().waitFor({ timeout: 30_000 });
    expect(await live.first().innerText()).toContain('200');
    expect(await settings.locator('.live-responses-table tbody .microlight').first().innerText()).toContain('useAllotments');

    expect(browser.errors).toEqual([]);
    const origins = new Set(browser.requests.map((u) => new URL(u).origin));
    expect(browser.requests.length).toBeGreaterThan(3);
    expect([...origins]).toEqual([s.baseUrl]);
  });

  it('serves the viewer from the app with long caching, and answers unknown assets with a problem', async () => {
    const page = (await s.call('GET', '/docs', { token: null })) as { status: number; body: string; headers: Headers };
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const bundle = /src="(\/docs\/assets\/[^"]+\/swagger-ui-bundle\.js)"/.exec(page.body)?.[1];
    expect(bundle).toBeDefined();
    const js = await fetch(s.baseUrl + bundle!, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await js.text()).length).toBeGreaterThan(500_000);
    const missing = await s.call('GET', bundle!.replace('swagger-ui-bundle.js', 'nope.js'), { token: null });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('has no CDN address in the code the API runs', async () => {
    const files = (await Promise.all(['api', 'src'].map(async (dir) => (await readdir(join(projectRoot, dir), { recursive: true })).map((f) => join(dir, f)))))
      .flat()
      .filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const cdn = /\b(unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|cdn\.scalar\.com|fonts\.googleapis\.com)\b/;
    const offenders: string[] = [];
    for (const f of files) if (cdn.test(await readFile(join(projectRoot, f), 'utf8'))) offenders.push(f);
    expect(offenders).toEqual([]);
  });
});
