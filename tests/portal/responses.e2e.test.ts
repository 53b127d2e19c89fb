import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerWorld } from '../allotments/world';
import { openBrowser, type Browser } from '../support/browser';
import { ok } from '../support/client';
import { checkScreen, consoleErrors, signInToPortal } from '../support/portal';
import { suiteStack } from '../support/suite';

/** A list's JSON answer (the lists also answer text/csv, which these calls do not ask for). */
const json = <T>(d: T): Exclude<T, string> => {
  if (typeof d === 'string') throw new Error(`expected a JSON list, got ${d.slice(0, 200)}`);
  return d as Exclude<T, string>;
};

const csvOf = (n: number, prefix: string) => 'email,name\n' + Array.from({ length: n }, (_, i) => `${prefix}${i}@example.test,${prefix} ${i}`).join('\n') + '\n';

// A partner's manager at the Responses screens, in a real Chromium: each action is checked on the
// page and then through the API, which must hold exactly what the page said.
describe('portal: responses, CSV upload, share links and cohorts', () => {
  const { s, w } = suiteStack({}, (s) => partnerWorld(s, { grant: 100 }));
  let b: Browser;
  const manager = () => s.apiAs(w.manager.token);
  const responses = async (query: { source?: 'manual' | 'bulk' | 'cohort' | 'share_link'; cohortId?: string }) =>
    json(await ok(manager().GET('/v1/responses', { params: { query: { assessmentId: w.assessmentId, organizationId: w.organizationId, limit: 200, ...query } } }), 200)).items;

  let signedIn = false;
  /** Signs the manager in once, from inside the first test that runs (expect.poll needs a test). */
  const signIn = async () => {
    if (!signedIn) await signInToPortal(b.page, s, w.manager.email);
    signedIn = true;
  };
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  it('creates one response from the form, and shows the API\'s detail next to a bad e-mail', { timeout: 180_000 }, async () => {
    const { page } = b;
    await signIn();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Responses' }).click();
    // The manager is linked to one assessment: it is picked for them.
    await page.getByRole('heading', { name: /^Responses to / }).waitFor();
    await page.getByText('No responses yet.').waitFor();

    // An address the API refuses: the page says what the API says, next to the field, and creates nothing.
    const refused = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token,
      body: { organizationId: w.organizationId, respondent: { email: 'not-an-address', name: 'Bad Address' } },
    });
    expect(refused.status).toBe(400);
    await page.getByLabel("Respondent's name").fill('Bad Address');
    await page.getByLabel("Respondent's e-mail").fill('not-an-address');
    await page.getByRole('button', { name: 'Create the response' }).click();
    const alert = page.locator('#create').getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(refused.body.detail);
    expect(await page.locator('[id="f-respondent.email-error"]').innerText()).toBe(refused.body.errors[0].message);
    expect(await page.getByLabel("Respondent's e-mail").getAttribute('aria-invalid')).toBe('true');
    expect(await responses({})).toHaveLength(0);

    await page.getByLabel("Respondent's e-mail").fill('ada@example.test');
    await page.getByLabel("Respondent's name").fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Create the response' }).click();
    await page.getByText('The response was created').waitFor();
    const table = page.getByRole('table', { name: 'Recent responses, newest first' });
    await table.getByRole('cell', { name: 'ada@example.test' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/Ada Lovelace\s+ada@example\.test\s+Invited\s+Manual entry/);

    const listed = await responses({});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ source: 'manual', status: 'invited', respondent: { email: 'ada@example.test', name: 'Ada Lovelace' } });
    await checkScreen(page, 'responses');
  });

  it('refuses a CSV with a bad row by line, as the API does, and creates nothing', { timeout: 180_000 }, async () => {
    const { page } = b;
    const bad = 'email,name\ngood@example.test,Good\nbroken,Bad\n';
    const refused = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}`, {
      token: w.manager.token, raw: bad, headers: { 'content-type': 'text/csv' },
    });
    expect(refused.status).toBe(400);
    await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Upload and invite' }).click();
    const alert = page.locator('#bulk').getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(refused.body.detail);
    const lines = await page.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem').allInnerTexts();
    expect(lines).toEqual([`line 3.email: ${refused.body.errors[0].message}`]);
    expect(await responses({ source: 'bulk' })).toHaveLength(0);
  });

  it('uploads a CSV of 25 respondents and follows its job to 100 %; the API then lists them', { timeout: 180_000 }, async () => {
    const { page } = b;
    await page.getByLabel('CSV file').setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(25, 'pupil')) });
    await page.getByRole('button', { name: 'Upload and invite' }).click();
    await page.waitForURL(/\/portal\/responses\/jobs\/[0-9a-f-]{36}\?/);
    const jobId = /jobs\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    // The bar follows the job (htmx, every second) until every row is processed.
    await page.getByText('100 % (25 of 25)').waitFor({ timeout: 150_000 });
    await page.getByText('Done: 25 of 25 invitations started.').waitFor();
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    // Done: the fragment no longer asks for itself.
    expect(await page.locator('#job-progress').getAttribute('hx-trigger')).toBeNull();
    // The API says the same; the job marks itself completed a moment after its last row.
    const job = async () => ok(manager().GET('/v1/jobs/{id}', { params: { path: { id: jobId } } }), 200);
    expect(await job()).toMatchObject({ total: 25, processed: 25, failed: 0 });
    await expect.poll(async () => (await job()).status, { timeout: 60_000, interval: 250 }).toBe('completed');
    await checkScreen(page, 'response-bulk-job');

    const bulk = await responses({ source: 'bulk' });
    expect(bulk).toHaveLength(25);
    expect(bulk.map((r) => r.respondent.email).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `pupil${i}@example.test`).sort());
    expect(bulk.every((r) => r.jobId === jobId && r.status === 'invited')).toBe(true);
    // Back on the list: the 20 newest, the upload's among them.
    await page.getByRole('link', { name: 'Back to the responses' }).click();
    const recent = page.getByRole('table', { name: 'Recent responses, newest first' });
    await recent.waitFor();
    expect(await recent.getByRole('row').count()).toBe(21);
    expect(await recent.getByRole('row').nth(1).innerText()).toMatch(/pupil\d+@example\.test\s+Invited\s+CSV upload/);
  });

  it('creates a share link, shows and copies its URL once, and revokes it', { timeout: 180_000 }, async () => {
    const { page } = b;
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.baseUrl });
    await page.getByRole('navigation', { name: 'Responses screens' }).getByRole('link', { name: 'Share links' }).click();
    await page.getByText('No share links yet.').waitFor();
    await page.getByRole('button', { name: 'Create a share link' }).click();
    const input = page.getByLabel('Share link URL');
    await input.waitFor();
    const url = await input.inputValue();
    expect(url).toMatch(new RegExp(`^${s.baseUrl}/v1/public/share-links/[A-Za-z0-9_-]{20,}/responses$`));
    expect(await input.getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
    await checkScreen(page, 'share-links');

    // The URL is the real link: a respondent starts a response through it.
    const started = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'linked@example.test', name: 'Linked' }) });
    expect(started.status).toBe(201);
    const links = json(await ok(manager().GET('/v1/assessments/{id}/share-links', { params: { path: { id: w.assessmentId }, query: { organizationId: w.organizationId } } }), 200)).items;
    expect(links).toHaveLength(1);
    expect(links[0]!.revokedAt).toBeNull();
    const row = page.getByRole('table', { name: 'Share links, newest first' }).getByRole('row', { name: new RegExp(links[0]!.id) });
    expect(await row.innerText()).toContain('Active');

    await row.getByText('Revoke…').click();
    await row.getByText('Responses already started through it stay.').waitFor();
    await row.getByRole('button', { name: 'Revoke this link' }).click();
    await page.getByText('The share link was revoked.').waitFor();
    expect(await page.getByRole('table', { name: 'Share links, newest first' }).getByRole('row', { name: new RegExp(links[0]!.id) }).innerText()).toMatch(/Revoked on \d{4}-\d{2}-\d{2}/);
    const after = json(await ok(manager().GET('/v1/assessments/{id}/share-links', { params: { path: { id: w.assessmentId }, query: { organizationId: w.organizationId } } }), 200)).items;
    expect(after).toHaveLength(1);
    expect(after[0]!.revokedAt).not.toBeNull();
    const late = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'late@example.test', name: 'Late' }) });
    expect(late.status).toBe(410);
    expect(((await late.json()) as { code: string }).code).toBe('LINK_REVOKED');
  });

  it('creates a cohort and invites respondents into it, showing a bad line as the API names it', { timeout: 180_000 }, async () => {
    const { page } = b;
    await page.getByRole('navigation', { name: 'Responses screens' }).getByRole('link', { name: 'Cohorts' }).click();
    await page.getByText('No cohorts yet.').waitFor();
    await page.getByLabel('Cohort name').fill('Class 7B');
    await page.getByRole('button', { name: 'Create the cohort' }).click();
    await page.getByText('The cohort was created.').waitFor();
    await page.getByRole('table', { name: 'Cohorts, newest first' }).getByRole('cell', { name: 'Class 7B' }).waitFor();
    const cohorts = json(await ok(manager().GET('/v1/assessments/{id}/cohorts', { params: { path: { id: w.assessmentId }, query: { organizationId: w.organizationId } } }), 200)).items;
    expect(cohorts.map((c) => c.name)).toEqual(['Class 7B']);
    const cohortId = cohorts[0]!.id;

    const refused = await s.call('POST', `/v1/cohorts/${cohortId}/invitations`, {
      token: w.manager.token, body: { respondents: [{ email: 'cee@example.test', name: 'Cee One' }, { email: 'bad-address', name: 'Bad' }] },
    });
    expect(refused.status).toBe(400);
    await page.getByLabel('Respondents', { exact: true }).fill('cee@example.test, Cee One\nbad-address, Bad');
    await page.getByRole('button', { name: 'Invite' }).click();
    const alert = page.locator('#invite').getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(refused.body.detail);
    expect(await page.getByRole('list', { name: 'Problems in the respondents' }).getByRole('listitem').allInnerTexts()).toEqual([`Line 2, e-mail: ${refused.body.errors[0].message}`]);
    expect(await responses({ cohortId })).toHaveLength(0);

    await page.getByLabel('Respondents', { exact: true }).fill('cee@example.test, Cee One\ndee@example.test, Dee, Two');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByText('2 respondent(s) invited.').waitFor();
    const invited = await responses({ cohortId });
    expect(invited.map((r) => [r.respondent.email, r.respondent.name, r.source]).sort()).toEqual([
      ['cee@example.test', 'Cee One', 'cohort'],
      ['dee@example.test', 'Dee, Two', 'cohort'],
    ]);
    await checkScreen(page, 'cohorts');
    // Chromium logs every page answered with an error status; the three refused forms above were
    // answered 400 on purpose (the API's status). Nothing else may have logged an error.
    const refusedForm = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';
    expect(consoleErrors(b).filter((e) => e === refusedForm)).toHaveLength(3);
    expect(consoleErrors(b).filter((e) => e !== refusedForm)).toEqual([]);
  });

  it('lets an admin pick the organization and act for it', { timeout: 180_000 }, async () => {
    const { page } = b;
    const admin = await s.userWithToken({ role: 'admin' });
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByText('You are signed out.').waitFor();
    await signInToPortal(page, s, admin.email);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Responses' }).click();
    await page.getByText('Choose an assessment and an organization.').waitFor();
    await page.getByLabel('Assessment').selectOption(w.assessmentId);
    await page.getByLabel('Organization').selectOption(w.organizationId);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: /^Responses to / }).waitFor();
    expect(new URL(page.url()).searchParams.get('organizationId')).toBe(w.organizationId);

    await page.getByLabel("Respondent's name").fill('Grace Hopper');
    await page.getByLabel("Respondent's e-mail").fill('grace@example.test');
    await page.getByRole('button', { name: 'Create the response' }).click();
    await page.getByText('The response was created').waitFor();
    const manual = await responses({ source: 'manual' });
    expect(manual.map((r) => r.respondent.email).sort()).toEqual(['ada@example.test', 'grace@example.test']);
    expect(manual.every((r) => r.organizationId === w.organizationId)).toBe(true);
    const refusedForm = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';
    expect(consoleErrors(b).filter((e) => e !== refusedForm)).toEqual([]);
  });
});
