/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createCampaign, listCampaigns } from '../../../src/groups/campaigns';
import { getGroupWithRules } from '../../../src/groups/groups';
import { acceptImport } from '../../../src/groups/imports';
import type { Campaign } from '../../../src/repos/groups/campaigns';
import type { AppEnv } from '../../context';
import { CreateCampaign } from '../../routes/groups/schemas';
import { Csrf, Notice, ProblemAlert, Table } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page, portalUser } from '../page';
import { campaignBody, CampaignForm } from './campaign-form';
import { isoDate, PeopleList, uploadedList, UUID } from './shared';

const MODE = { shared: 'One shared code', unique: 'Unique codes' } as const;
const NOTICES: Record<string, string> = {
  created: 'Campaign created. Its codes are being made in Stripe: this list updates by itself until the campaign is active.',
};

/** One campaign's actions: the codes' export once any exist, and sending unique codes while the campaign is active. */
const CampaignActions = (p: { groupId: string; c: Campaign }) => {
  const base = `/portal/groups/${p.groupId}/campaigns/${p.c.id}`;
  return (
    <ul class="actions">
      {p.c.codesCreated > 0 && (
        <li>
          <a href={`${base}/codes.csv`} download>
            Export codes (CSV)
          </a>
        </li>
      )}
      {p.c.mode === 'unique' && p.c.status === 'active' && (
        <li>
          <a href={`${base}/sends`}>Send codes by e-mail</a>
        </li>
      )}
    </ul>
  );
};

/** The campaigns table; while one is still being created it asks again every second (htmx) and stops once none is. */
const Campaigns = (p: { groupId: string; campaigns: Campaign[] }) => {
  const creating = p.campaigns.some((c) => c.status === 'creating');
  return (
    <div id="campaigns" {...(creating ? { 'hx-get': `/portal/groups/${p.groupId}`, 'hx-trigger': 'load delay:1s', 'hx-swap': 'outerHTML' } : {})}>
      {p.campaigns.length === 0 ? (
        <p>No campaigns yet.</p>
      ) : (
        <Table caption="Campaigns" head={['Codes', 'Limit', 'Redeemed', 'Created in Stripe', 'Ends', 'State', 'Actions']}>
          {p.campaigns.map((c) => (
            <tr>
              <td>
                {MODE[c.mode]}
                {c.code ? `: ${c.code}` : ''}
              </td>
              <td class="num">{c.maxRedemptions}</td>
              <td class="num">{c.redemptions}</td>
              <td class="num">
                {c.codesCreated} of {c.codeCount}
              </td>
              <td>{c.endsAt ? isoDate(c.endsAt) : 'until deactivated'}</td>
              <td>
                {c.status}
                {c.failure ? ` (${c.failure})` : ''}
              </td>
              <td>
                <CampaignActions groupId={p.groupId} c={c} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
};

export interface GroupPageState {
  /** Which form failed, with the API's problem and what was typed. */
  failed?: { form: 'campaign' | 'import'; problem: FormProblem; values: Record<string, string> };
  notice?: string;
}

/** The group's page: its campaigns (create, export, send), an import of users, and the way to the reports. */
export async function groupPage(c: Context<AppEnv>, groupId: string, state: GroupPageState = {}, status: ContentfulStatusCode = 200) {
  const { principal, csrf } = portalUser(c);
  const group = await getGroupWithRules(c.var.deps, principal, groupId);
  const campaigns = await listCampaigns(c.var.deps, principal, group.id, { limit: 200 });
  const campaignsTable = <Campaigns groupId={group.id} campaigns={campaigns} />;
  const failed = state.failed;
  return page(c, {
    title: group.name,
    current: '/portal/groups',
    status,
    fragment: campaignsTable,
    body: (
      <>
        <p>
          <a href="/portal/groups">All groups</a> · <a href="/portal/groups/reports">Subscription reports</a>
        </p>
        {state.notice && <Notice>{state.notice}</Notice>}
        <h2>Campaigns</h2>
        <p>Coupon codes for the group's users: one shared code with a limit on its redemptions, or unique codes that each work once.</p>
        {campaignsTable}
        <h2 id="new-campaign">Create a campaign</h2>
        <CampaignForm groupId={group.id} csrf={csrf} problem={failed?.form === 'campaign' ? failed.problem : undefined} values={failed?.form === 'campaign' ? failed.values : {}} />
        <h2 id="import">Import group users</h2>
        <p>Each new address gets its own subscription on the group's users plan (a free plan); addresses already in the group are left alone.</p>
        {failed?.form === 'import' && <ProblemAlert problem={failed.problem} />}
        <form method="post" action={`/portal/groups/${group.id}/imports`} enctype="multipart/form-data">
          <Csrf token={csrf} />
          <PeopleList label="Users to import" value={failed?.form === 'import' ? failed.values.list : undefined} problem={failed?.form === 'import' ? failed.problem : undefined} />
          <button type="submit">Import users</button>
        </form>
      </>
    ),
  });
}

export function registerGroupPage(r: Hono<AppEnv>) {
  r.get(`/groups/:id${UUID}`, (c) => groupPage(c, c.req.param('id'), { notice: NOTICES[c.req.query('notice') ?? ''] }));

  // Create a campaign: the API's body, checked by the API's own schema, then the same service as POST /v1/groups/{id}/campaigns.
  r.post(`/groups/:id${UUID}/campaigns`, async (c) => {
    const { principal } = portalUser(c);
    const id = c.req.param('id');
    const fields = await formFields(c);
    const done = await attempt(() =>
      createCampaign(c.var.deps, principal, id, parseWith(CreateCampaign, campaignBody(fields), { numbers: ['count', 'maxRedemptions'] })),
    );
    if (!done.ok) return groupPage(c, id, { failed: { form: 'campaign', problem: done.problem, values: fields } }, done.problem.status as 400);
    return c.redirect(`/portal/groups/${id}?notice=created#campaigns`, 303);
  });

  // Import users: the same service as POST /v1/groups/{id}/imports with text/csv, then the job's page.
  r.post(`/groups/:id${UUID}/imports`, async (c) => {
    const { principal } = portalUser(c);
    const id = c.req.param('id');
    const list = await uploadedList(c);
    const done = await attempt(() => acceptImport(c.var.deps, principal, id, list));
    if (!done.ok) {
      const values = { list: (await formFields(c)).list ?? '' };
      return groupPage(c, id, { failed: { form: 'import', problem: done.problem, values } }, done.problem.status as 400);
    }
    return c.redirect(`/portal/groups/${id}/imports/${done.value.id}`, 303);
  });
}
