/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { Csrf } from './components';
import { navFor } from './layout';
import { page, portalUser } from './page';

const ABOUT: Record<string, string> = {
  '/portal/allotments': 'Units per assessment: what was allocated, invited, used and is still available; buy more.',
  '/portal/responses': 'Invite respondents one by one, by CSV upload or by share link; cohorts.',
  '/portal/sales': "Your and your child organizations' sales; register a new sale.",
  '/portal/approvals': 'Sales waiting for approval.',
  '/portal/groups': 'Group subscriptions: campaigns and their codes, imports, reports.',
  '/portal/admin/settings': 'Site-wide settings, such as Use Allotments.',
  '/portal/admin/price-lists': 'Price lists by volume band and currency.',
  '/portal/admin/aggregators': "Aggregator integrations and their members' free tariff.",
};

export function registerHome(r: Hono<AppEnv>) {
  r.get('/', (c) => {
    const { principal, csrf } = portalUser(c);
    return page(c, {
      title: `Welcome, ${principal.name}`,
      current: '/portal',
      body: (
        <>
          <ul class="cards">
            {navFor(principal).map((n) => (
              <li>
                <a href={n.href}>{n.label}</a>
                <p>{ABOUT[n.href]}</p>
              </li>
            ))}
          </ul>
          <form method="post" action="/portal/sign-out">
            <Csrf token={csrf} />
            <input type="hidden" name="everywhere" value="true" />
            <button type="submit" class="secondary">Sign out on every device</button>
          </form>
        </>
      ),
    });
  });
}
