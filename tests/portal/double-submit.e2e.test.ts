import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerWorld } from '../allotments/world';
import { openBrowser, type Browser } from '../support/browser';
import { signInToPortal } from '../support/portal';
import { suiteStack } from '../support/suite';
import { unique } from '../support/unique';

// A form that reaches the server twice (a double click, a resubmission after a lost answer)
// creates one thing: its one-time id is claimed like an API Idempotency-Key.
describe('portal forms sent twice', () => {
  const { s, w } = suiteStack({}, (s) => partnerWorld(s, { grant: 5 }));
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  it('create one cohort and send both submissions to the same page', { timeout: 180_000 }, async () => {
    const { page } = b;
    await signInToPortal(page, s, w.manager.email);
    await page.goto(`${s.baseUrl}/portal/responses`);
    await page.getByRole('navigation', { name: 'Responses screens' }).getByRole('link', { name: 'Cohorts' }).click();
    const name = unique('Twice');
    await page.getByLabel('Cohort name').fill(name);
    // The form exactly as the browser would send it, sent twice with the browser's cookies.
    const form = await page.evaluate<{ action: string; fields: [string, string][] }>(`(() => {
      const form = document.querySelector('input[name=name]').form;
      return { action: form.action, fields: [...new FormData(form).entries()].map(([k, v]) => [k, String(v)]) };
    })()`);
    expect(form.fields.map(([k]) => k)).toEqual(expect.arrayContaining(['_csrf', '_once', 'name']));
    const send = () => page.request.post(form.action, { form: Object.fromEntries(form.fields), headers: { origin: s.baseUrl }, maxRedirects: 0 });
    // Sent at once, one of them may still find the other running: it is refused (409), not run.
    const [first, second] = await Promise.all([send(), send()]);
    const statuses = [first.status(), second.status()].sort();
    expect(statuses[0]).toBe(303);
    expect([303, 409]).toContain(statuses[1]);
    const third = await send();
    expect(third.status()).toBe(303);
    const location = third.headers().location;
    expect(location).toMatch(/\/portal\/responses\/cohorts\?/);
    for (const a of [first, second]) if (a.status() === 303) expect(a.headers().location).toBe(location);

    const cohorts = (await s.call('GET', `/v1/assessments/${w.assessmentId}/cohorts?organizationId=${w.organizationId}`, { token: w.manager.token })).body.items as { name: string }[];
    expect(cohorts.filter((c) => c.name === name)).toHaveLength(1);

    // A fresh form (a new one-time id) creates again: only repeats of one submission are merged.
    await page.reload();
    await page.getByLabel('Cohort name').fill(`${name}-2`);
    await page.getByRole('button', { name: 'Create the cohort' }).click();
    await page.getByText('The cohort was created.').waitFor();
    const after = (await s.call('GET', `/v1/assessments/${w.assessmentId}/cohorts?organizationId=${w.organizationId}`, { token: w.manager.token })).body.items as { name: string }[];
    expect(after.map((c) => c.name).filter((n) => n.startsWith(name)).sort()).toEqual([name, `${name}-2`]);
  });
});
