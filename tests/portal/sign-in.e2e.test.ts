import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from '../support/browser';
import { checkScreen, consoleErrors, signInToPortal } from '../support/portal';
import { suiteStack } from '../support/suite';
import { readMail } from '../support/mail';
import { unique } from '../support/unique';

// Password-less sign-in as a person does it, in a real Chromium, with the link caught by the SMTP listener.
describe('portal sign-in', () => {
  const { s } = suiteStack({ worker: false });
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  it('e-mails a single-use link; opening it signs in with the role of the user; sign-out ends the session', { timeout: 120_000 }, async () => {
    const orgId = await s.organization({ name: unique('Portal Sign-in Org') });
    const manager = await s.userWithToken({ role: 'manager', organizationId: orgId, email: `ada-${Date.now()}@example.test` });
    const { page } = b;

    await page.goto(`${s.baseUrl}/portal/sign-in`);
    await checkScreen(page, 'sign-in');
    const link = await signInToPortal(page, s, manager.email);
    expect(await page.locator('h1').innerText()).toBe('Welcome, manager user');
    // A manager sees the manager's sections, not the admin's or the approver's.
    const sections = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allInnerTexts();
    expect(sections).toEqual(['Allotments', 'Responses', 'Sales management', 'Groups']);
    await checkScreen(page, 'home');

    const cookies = await b.context.cookies();
    const session = cookies.find((c) => c.name === 'pf_portal');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    // Only the hash is stored.
    const [row] = await s.sql<{ n: number }[]>`select count(*)::int as n from portal_sessions where session_hash = sha256(convert_to(${session!.value}, 'UTF8'))`;
    expect(row!.n).toBe(1);
    const [plain] = await s.sql<{ n: number }[]>`select count(*)::int as n from portal_sessions s where encode(s.session_hash, 'escape') like ${'%' + session!.value + '%'}`;
    expect(plain!.n).toBe(0);

    // The link was used: opening it again does not sign anyone in.
    const second = await b.context.browser()?.newContext();
    const other = second ? await second.newPage() : await b.context.newPage();
    await other.goto(link);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByText('This sign-in link is unknown, used or expired').waitFor();
    await other.close();

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByText('You are signed out.').waitFor();
    // The session is over in the database, not only in this browser: replaying its cookie gets the sign-in page.
    const replay = await fetch(`${s.baseUrl}/portal`, { headers: { cookie: `pf_portal=${session!.value}` }, redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/portal/sign-in');
    expect(consoleErrors(b)).toEqual([]);
  });

  it('answers an unknown address exactly like a known one, and sends it nothing', { timeout: 60_000 }, async () => {
    const before = s.smtp.received.length;
    const post = (email: string) =>
      fetch(`${s.baseUrl}/portal/sign-in`, { method: 'POST', body: new URLSearchParams({ email }), headers: { origin: s.baseUrl } });
    const unknown = await post('nobody-here@example.test');
    const text = await unknown.text();
    expect(unknown.status).toBe(200);
    expect(text).toContain('a sign-in link is on its way');
    await new Promise((r) => setTimeout(r, 500));
    expect(s.smtp.received.slice(before).filter((m) => m.to.includes('nobody-here@example.test'))).toHaveLength(0);
    const bad = await post('not-an-address');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter an e-mail address');
  });

  it('refuses a form sent from another site, and a signed-in form without its anti-forgery token', { timeout: 60_000 }, async () => {
    const cross = await fetch(`${s.baseUrl}/portal/sign-in`, { method: 'POST', body: new URLSearchParams({ email: 'x@example.test' }), headers: { origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    const before = await s.sql<{ n: number }[]>`select count(*)::int as n from portal_sessions where revoked_at is null`;
    const orgId = await s.organization({ name: unique('Portal CSRF Org') });
    const u = await s.userWithToken({ role: 'manager', organizationId: orgId, email: `csrf-${Date.now()}@example.test` });
    const page = await b.context.newPage();
    await signInToPortal(page, s, u.email);
    const cookie = (await b.context.cookies()).find((c) => c.name === 'pf_portal')!.value;
    const forged = await fetch(`${s.baseUrl}/portal/sign-out`, { method: 'POST', body: new URLSearchParams({}), headers: { cookie: `pf_portal=${cookie}`, origin: s.baseUrl } });
    expect(forged.status).toBe(403);
    const after = await s.sql<{ n: number }[]>`select count(*)::int as n from portal_sessions where revoked_at is null`;
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    await page.close();
  });
});

describe('portal sign-in behind https', () => {
  const { s } = suiteStack({ worker: false, publicBaseUrl: 'https://partners.example' });

  it('e-mails links to the public address and sets a Secure, __Host- session cookie', { timeout: 60_000 }, async () => {
    const orgId = await s.organization({ name: unique('Portal Https Org') });
    const u = await s.userWithToken({ role: 'manager', organizationId: orgId, email: `https-${Date.now()}@example.test` });
    const asked = await fetch(`${s.baseUrl}/portal/sign-in`, { method: 'POST', body: new URLSearchParams({ email: u.email }), headers: { origin: s.baseUrl } });
    expect(asked.status).toBe(200);
    const mail = await s.smtp.waitFor(u.email);
    const link = /https:\/\/partners\.example\/portal\/sign-in\/([A-Za-z0-9_-]+)/.exec(readMail(mail.raw).text ?? '');
    expect(link).not.toBeNull();
    const opened = await fetch(`${s.baseUrl}/portal/session`, { method: 'POST', body: new URLSearchParams({ token: link![1]! }), headers: { origin: 'https://partners.example' }, redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-pf_portal=[^;]+;/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
  });
});
