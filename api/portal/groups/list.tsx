/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { z } from 'zod';
import { listGroups } from '../../../src/groups/groups';
import { listOrganizations } from '../../../src/platform/organizations';
import type { AppEnv } from '../../context';
import { FilterForm, ProblemAlert, Select, Table } from '../components';
import { attempt, parseWith } from '../forms';
import { page, portalUser } from '../page';
import { isoDate } from './shared';

const PAGE = 100;
const ListQuery = z.object({ organizationId: z.uuid().optional(), after: z.uuid().optional() });

/** The organization's groups; an admin picks the organization (or sees every group). */
export function registerGroupList(r: Hono<AppEnv>) {
  r.get('/groups', async (c) => {
    const { principal } = portalUser(c);
    const parsed = await attempt(async () => parseWith(ListQuery, c.req.query()));
    const q = parsed.ok ? parsed.value : {};
    const rows = await listGroups(c.var.deps, principal, { organizationId: q.organizationId, after: q.after, limit: PAGE + 1 });
    const groups = rows.slice(0, PAGE);
    const organizations = principal.role === 'admin' ? await listOrganizations(c.var.deps, principal, { limit: 500 }) : [];
    const more = rows.length > PAGE ? `/portal/groups?${new URLSearchParams({ ...(q.organizationId && { organizationId: q.organizationId }), after: groups.at(-1)!.id })}` : undefined;
    return page(c, {
      title: 'Groups',
      current: '/portal/groups',
      status: parsed.ok ? 200 : parsed.problem.status as 400,
      body: (
        <>
          <p>
            Group subscriptions: each group's coupon campaigns and their codes, imports of its users, and{' '}
            <a href="/portal/groups/reports">subscription reports by product or plan</a>.
          </p>
          {!parsed.ok && <ProblemAlert problem={parsed.problem} />}
          {principal.role === 'admin' && (
            <FilterForm action="/portal/groups" submit="Show groups" primary>
              <Select
                name="organizationId"
                label="Organization"
                value={q.organizationId ?? ''}
                options={[{ value: '', label: 'All organizations' }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
              />
            </FilterForm>
          )}
          {groups.length === 0 ? (
            <p>No groups yet. An administrator sets a group up (its owner and the plan its users get) and links it to your organization.</p>
          ) : (
            <Table caption="Groups" head={['Group', 'Created']}>
              {groups.map((g) => (
                <tr>
                  <td>
                    <a href={`/portal/groups/${g.id}`}>{g.name}</a>
                  </td>
                  <td>{isoDate(g.createdAt)}</td>
                </tr>
              ))}
            </Table>
          )}
          {more && (
            <p>
              <a href={more}>More groups</a>
            </p>
          )}
        </>
      ),
    });
  });
}
