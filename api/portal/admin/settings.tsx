/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { changeSettings, readSettings, type SettingsView } from '../../../src/platform/settings';
import { SettingsPatch } from '../../routes/platform/settings';
import type { AppEnv } from '../../context';
import { Csrf, Notice, ProblemAlert } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page } from '../page';
import { adminUser, doneFlag } from './common';

const ROOT = '/portal/admin/settings';

const SettingsForm = (p: { settings: SettingsView; csrf: string; saved: boolean; problem?: FormProblem }) => (
  <>
    {p.saved && <Notice>Settings saved.</Notice>}
    <ProblemAlert problem={p.problem} />
    <form method="post" action={ROOT}>
      <Csrf token={p.csrf} />
      <div class="field check">
        <label for="f-useAllotments">
          <input id="f-useAllotments" name="useAllotments" type="checkbox" checked={p.settings.useAllotments} aria-describedby="f-useAllotments-hint" />
          Use Allotments
        </label>
        <small id="f-useAllotments-hint" class="hint">
          On: organizations that buy allotments are metered, and price lists, quotes and purchases are open. Off: responses are created freely and never counted.
        </small>
      </div>
      <button type="submit">Save settings</button>
    </form>
    <h2>Stripe</h2>
    <p>
      {p.settings.stripeConnected
        ? 'Connected: a Stripe secret key is configured (STRIPE_SECRET_KEY).'
        : 'Not connected: no Stripe secret key is configured (STRIPE_SECRET_KEY), so nobody can pay by card.'}
    </p>
  </>
);

/** Site settings (admins): the Use Allotments switch, through the same service as PATCH /v1/settings. */
export function registerAdminSettings(r: Hono<AppEnv>) {
  r.get('/admin/settings', async (c) => {
    const { csrf } = adminUser(c);
    const settings = await readSettings(c.var.deps);
    return page(c, { title: 'Site settings', current: ROOT, body: <SettingsForm settings={settings} csrf={csrf} saved={doneFlag(c) === 'saved'} /> });
  });

  r.post('/admin/settings', async (c) => {
    const { principal, csrf } = adminUser(c);
    const fields = await formFields(c);
    const done = await attempt(() => changeSettings(c.var.deps, principal, parseWith(SettingsPatch, fields, { booleans: ['useAllotments'] })));
    if (done.ok) return c.redirect(`${ROOT}?done=saved`, 303);
    const settings = await readSettings(c.var.deps);
    return page(c, { title: 'Site settings', current: ROOT, status: done.problem.status as 400, body: <SettingsForm settings={settings} csrf={csrf} saved={false} problem={done.problem} /> });
  });
}
