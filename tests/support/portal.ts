import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../src/tools/paths';
import type { Browser } from './browser';
import { readMail } from './mail';
import type { TestStack } from './stack';

/** Where the tests put each screen's picture for docs/portal.md. */
export const SCREENSHOTS = join(projectRoot, 'docs', 'portal');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

/** The sign-in link in the last portal e-mail to `email` received after `since` messages. */
async function signInLink(s: TestStack, email: string, since: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const mail = s.smtp.received.slice(since).find((m) => m.to.includes(email.toLowerCase()) || m.to.includes(email));
    if (mail) {
      const link = /https?:\/\/\S+\/portal\/sign-in\/[A-Za-z0-9_-]+/.exec(readMail(mail.raw).text ?? '')?.[0];
      if (!link) throw new Error(`the portal e-mail to ${email} has no sign-in link`);
      return link;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in e-mail to ${email} within 30 s`);
}

/**
 * Signs `email` in as a person does: opens the portal, is sent to sign-in, asks for a link, opens
 * the link the SMTP listener caught and presses "Sign in". Answers the link (used up now).
 */
export async function signInToPortal(page: Page, s: TestStack, email: string): Promise<string> {
  await page.setViewportSize(DESKTOP);
  await page.goto(`${s.baseUrl}/portal`);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/portal/sign-in');
  const before = s.smtp.received.length;
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await page
    .getByText('a sign-in link is on its way')
    .waitFor()
    .catch(async (err: Error) => {
      throw new Error(`${err.message}\nthe page at ${page.url()} says: ${await page.locator('main').innerText().catch(() => '(nothing)')}`);
    });
  const link = await signInLink(s, email, before);
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${s.baseUrl}/portal`);
  return link;
}

/** axe-core's serious and critical violations on the page as it is now, with where they are. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * What a phone user would trip over at 375 px: the page scrolling sideways, or a button, link or
 * field lying outside the screen's width (a table scrolling inside its own box is fine).
 */
export async function phoneProblems(page: Page): Promise<string[]> {
  // Runs in the page (a string: this project's TypeScript has no DOM types).
  return page.evaluate<string[]>(`(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide on a ' + width + ' px screen');
    for (const el of document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea')) {
      if (el.closest('.table-wrap') || el.classList.contains('skip')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -1 || r.right > width + 1) problems.push(el.tagName.toLowerCase() + ' "' + (el.textContent || el.getAttribute('name') || '').trim().slice(0, 40) + '" lies outside the screen (' + Math.round(r.left) + '-' + Math.round(r.right) + ' px)');
    }
    return problems;
  })()`);
}

/**
 * One screen as a user meets it: no serious or critical accessibility violation, usable at a
 * phone's width. With PORTAL_SCREENSHOTS set (`npm run docs:portal`), also its picture for
 * docs/portal.md (docs/portal/<name>.png): the screens show random names, so pictures taken on
 * every `npm test` would leave the working tree changed. The viewport is left at desktop width.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  if (process.env.PORTAL_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
  await page.setViewportSize(PHONE);
  expect(await phoneProblems(page), `${name} at 375 px`).toEqual([]);
  expect(await seriousViolations(page), `axe on ${name} at 375 px`).toEqual([]);
  await page.setViewportSize(DESKTOP);
}

/** The browser's console errors so far (a CSP refusal, a failed script): a screen must have none. */
export const consoleErrors = (b: Browser) => [...b.errors];
