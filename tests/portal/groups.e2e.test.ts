import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupWorld } from '../groups/world';
import { openBrowser, type Browser } from '../support/browser';
import { readMail } from '../support/mail';
import { checkScreen, consoleErrors, signInToPortal } from '../support/portal';
import { suiteStack } from '../support/suite';
import { unique, uniqueEmail } from '../support/unique';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

// The Groups room as a partner manager uses it, in a real Chromium: campaigns, codes by e-mail
// through the real SMTP listener, the codes' export, an import, a report.
describe('portal: groups', () => {
  const { s } = suiteStack();
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  it('a manager creates a unique-codes campaign, e-mails its codes, exports them, imports users and reads a report by plan', { timeout: 180_000 }, async () => {
    const orgId = await s.organization({ name: unique('Portal Groups Org') });
    const manager = await s.userWithToken({ role: 'manager', organizationId: orgId, email: uniqueEmail('grace') });
    const w = await groupWorld(s, { organizationId: orgId });
    const asManager = (method: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}) =>
      s.call(method, path, { token: manager.token, ...o });
    const { page } = b;

    await signInToPortal(page, s, manager.email);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    expect(await page.getByRole('table', { name: 'Groups' }).getByRole('link').allInnerTexts()).toEqual([w.group.name]);
    await checkScreen(page, 'groups');
    await page.getByRole('link', { name: w.group.name }).click();
    await page.getByRole('heading', { level: 1, name: w.group.name }).waitFor();

    // A shared-code campaign without its code: the API's detail at the top, its message next to the field, nothing created.
    await page.getByLabel('Kind of codes').selectOption('shared');
    await page.getByLabel('Redemptions allowed').fill('50');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('alert').waitFor();
    const api = await asManager('POST', `/v1/groups/${w.groupId}/campaigns`, { body: { mode: 'shared', maxRedemptions: 50 } });
    expect(api.status).toBe(400);
    expect(await page.getByRole('alert').innerText()).toContain(api.body.detail);
    expect(await page.locator('#f-code-error').innerText()).toBe(api.body.errors.find((e: { path: string }) => e.path === 'code').message);
    expect(await page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await asManager('GET', `/v1/groups/${w.groupId}/campaigns`)).body.items).toEqual([]);
    // The refused form's page is answered with the API's status (400), which Chromium logs; nothing else may be logged.
    expect(consoleErrors(b)).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);

    // Three unique codes until a date: the list updates by itself until Stripe has them all.
    const ends = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Kind of codes').selectOption('unique');
    await page.getByLabel('Number of codes').fill('3');
    await page.getByLabel('Ends on').fill(ends);
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('status').filter({ hasText: 'Campaign created' }).waitFor();
    const campaignRow = page.getByRole('table', { name: 'Campaigns' }).getByRole('row').filter({ hasText: 'Unique codes' });
    await campaignRow.getByRole('cell', { name: 'active', exact: true }).waitFor({ timeout: 90_000 });
    expect(await campaignRow.getByRole('cell').allInnerTexts()).toEqual(['Unique codes', '3', '0', '3 of 3', ends, 'active', expect.stringContaining('Export codes (CSV)')]);
    const campaigns = (await asManager('GET', `/v1/groups/${w.groupId}/campaigns`)).body.items;
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ mode: 'unique', count: 3, maxRedemptions: 3, status: 'active', endsAt: `${ends}T23:59:59.000Z` });
    const campaignId = campaigns[0].id as string;
    await checkScreen(page, 'group');

    // The export is the API's: the same CSV file, with the three codes.
    const [download] = await Promise.all([page.waitForEvent('download'), campaignRow.getByRole('link', { name: 'Export codes (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`campaign-${campaignId}-codes.csv`);
    const exported = await readFile(await download.path(), 'utf8');
    const listed = await asManager('GET', `/v1/campaigns/${campaignId}/codes?limit=100`, { headers: { accept: 'application/json' } });
    expect(listed.body.items).toHaveLength(3);
    for (const c of listed.body.items as { code: string }[]) expect(exported).toContain(`${c.code},1,0`);
    expect(exported).toBe((await asManager('GET', `/v1/campaigns/${campaignId}/codes`, { headers: { accept: 'text/csv' } })).body);

    // Codes by e-mail to three people: the job's page reaches 100 % and the three messages arrive.
    await campaignRow.getByRole('link', { name: 'Send codes by e-mail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Send codes by e-mail' }).waitFor();
    await checkScreen(page, 'campaign-sends');
    const people = [
      { email: uniqueEmail('ann'), name: 'Ann' },
      { email: uniqueEmail('ben'), name: 'Ben' },
      { email: uniqueEmail('cat'), name: 'Cat' },
    ];
    await page.getByLabel('Recipients', { exact: true }).fill(people.map((p) => `${p.email},${p.name}`).join('\n'));
    await page.getByRole('button', { name: 'Send codes' }).click();
    await page.waitForURL(new RegExp(`/portal/groups/${w.groupId}/campaigns/${campaignId}/sends/${UUID}$`));
    const sendsJobId = page.url().split('/').at(-1)!;
    await page.getByText('100 % (3 of 3)').waitFor({ timeout: 90_000 });
    const recipients = page.getByRole('table', { name: /^Recipients: 3 sent/ });
    await recipients.waitFor();
    await checkScreen(page, 'campaign-sends-job');
    const sends = await asManager('GET', `/v1/campaigns/${campaignId}/sends/${sendsJobId}`);
    expect(sends.body).toMatchObject({ status: 'completed', sent: 3, alreadySent: 0, failed: 0 });
    expect(sends.body.recipients).toHaveLength(3);
    const codes = listed.body.items.map((c: { code: string }) => c.code);
    for (const [i, p] of people.entries()) {
      const row = await recipients.getByRole('row').filter({ hasText: p.email }).getByRole('cell').allInnerTexts();
      const sent = sends.body.recipients[i];
      expect(sent).toMatchObject({ email: p.email, status: 'sent' });
      expect(row).toEqual([p.email, p.name, 'sent', sent.code, '']);
      expect(codes).toContain(sent.code);
      const mail = await s.smtp.waitFor(p.email, 30_000);
      expect(readMail(mail.raw).text).toContain(sent.code);
      expect(s.smtp.to(p.email)).toHaveLength(1);
    }
    expect(new Set(sends.body.recipients.map((r: { code: string }) => r.code)).size).toBe(3);

    // An import of users as an uploaded file: its page reaches 100 % and shows each row's outcome.
    await page.getByRole('link', { name: 'Back to the group' }).click();
    await page.getByRole('heading', { level: 1, name: w.group.name }).waitFor();
    const [dot, eve] = [uniqueEmail('dot'), uniqueEmail('eve')];
    const csv = `email,name\n${dot},Dot\nnot-an-address,Nobody\n${eve},Eve\n`;
    await page.getByLabel('Or upload a CSV file').setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import users' }).click();
    await page.waitForURL(new RegExp(`/portal/groups/${w.groupId}/imports/${UUID}$`));
    const importJobId = page.url().split('/').at(-1)!;
    await page.getByText('100 % (3 of 3)').waitFor({ timeout: 90_000 });
    const users = page.getByRole('table', { name: /^Users: 2 subscribed/ });
    await users.waitFor();
    expect(await users.getByRole('row').filter({ hasText: 'not-an-address' }).getByRole('cell').allInnerTexts()).toEqual([
      'not-an-address', 'Nobody', 'failed', 'email: not an e-mail address',
    ]);
    await checkScreen(page, 'group-import-job');
    const imported = await asManager('GET', `/v1/groups/${w.groupId}/imports/${importJobId}`);
    expect(imported.body).toMatchObject({ status: 'completed', total: 3, processed: 2, failed: 1, created: 2, existing: 0 });
    expect(imported.body.rows.filter((r: { status: string }) => r.status === 'created').map((r: { email: string }) => r.email)).toEqual([dot, eve]);

    // The report by plan: the users plan's row says what the API's report says (two imported users).
    await page.getByRole('link', { name: 'Back to the group' }).click();
    await page.getByRole('link', { name: 'Subscription reports' }).click();
    await page.getByLabel('Segment by').selectOption('plan');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.waitForURL(/\/portal\/groups\/reports\?groupBy=plan$/);
    const report = (await asManager('GET', '/v1/reports/subscriptions?groupBy=plan')).body;
    const usersPlan = report.items.find((r: { planId: string }) => r.planId === w.usersPlan.id);
    expect(usersPlan).toMatchObject({ imported: 2, userSubscriptions: 2, subscriptions: 2 });
    const planRow = await page.getByRole('table', { name: /^Subscriptions by plan/ }).getByRole('row').filter({ hasText: w.usersPlan.name }).getByRole('cell').allInnerTexts();
    expect(planRow.slice(0, 10)).toEqual([
      w.usersPlan.name, w.users.name, 'EUR 0.00 per month',
      String(usersPlan.subscriptions), String(usersPlan.ownerSubscriptions), String(usersPlan.userSubscriptions), String(usersPlan.imported),
      String(usersPlan.claimed), String(usersPlan.redemptions), String(usersPlan.pendingRedemptions),
    ]);
    expect(planRow[10]).toBe('active 2');
    await checkScreen(page, 'group-reports');
    expect(consoleErrors(b)).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it('an admin picks an organization and sees its groups, and opens any of them', { timeout: 180_000 }, async () => {
    const [orgA, orgB] = [await s.organization({ name: unique('Portal Groups A') }), await s.organization({ name: unique('Portal Groups B') })];
    const [a, other] = [await groupWorld(s, { organizationId: orgA }), await groupWorld(s, { organizationId: orgB })];
    const admin = await s.userWithToken({ role: 'admin', email: uniqueEmail('ada') });
    await b.context.clearCookies();
    const page = await b.context.newPage();
    await signInToPortal(page, s, admin.email);
    await page.goto(`${s.baseUrl}/portal/groups`);
    const listed = () => page.getByRole('table', { name: 'Groups' }).getByRole('link').allInnerTexts();
    expect(await listed()).toEqual(expect.arrayContaining([a.group.name, other.group.name]));
    await page.getByLabel('Organization').selectOption(orgA);
    await page.getByRole('button', { name: 'Show groups' }).click();
    await page.waitForURL(`${s.baseUrl}/portal/groups?organizationId=${orgA}`);
    expect(await listed()).toEqual([a.group.name]);
    await checkScreen(page, 'groups-admin');
    await page.getByRole('link', { name: a.group.name }).click();
    await page.getByRole('heading', { level: 1, name: a.group.name }).waitFor();
    expect(await page.getByText('No campaigns yet.').count()).toBe(1);
    // A group page that does not exist is the portal's 404, not an error.
    const missing = await page.goto(`${s.baseUrl}/portal/groups/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('alert').innerText()).toContain('not found');
    await page.close();
  });
});
