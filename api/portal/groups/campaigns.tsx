/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CODE_EXPORT_COLUMNS, getCampaign, listCampaignCodes, type CampaignCode } from '../../../src/groups/campaigns';
import { acceptCodeSends, codeSendResults } from '../../../src/groups/code-sends';
import { AppError } from '../../../src/errors';
import type { Campaign } from '../../../src/repos/groups/campaigns';
import type { AppEnv } from '../../context';
import { csvStream } from '../../streams';
import { Csrf, ProblemAlert, Table } from '../components';
import { attempt, formFields, type FormProblem } from '../forms';
import { page, portalUser } from '../page';
import { groupJobPage, isoDate, JobProgress, PeopleList, uploadedList, UUID } from './shared';

/** Codes read per query for the export: memory holds one batch, however many codes there are. */
const BATCH = 1000;

const STATUS: Record<string, string> = { pending: 'waiting', sent: 'sent', already_sent: 'already had a code (not sent again)', failed: 'failed' };

/** The campaign of the URL, in the caller's scope and of the URL's group (404 otherwise). */
async function campaignOf(c: Context<AppEnv>, groupId: string, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(c.var.deps, portalUser(c).principal, campaignId);
  if (campaign.groupId !== groupId) throw new AppError('NOT_FOUND', 'Campaign not found');
  return campaign;
}

/** Every code that exists in Stripe, in the order they were made, a batch at a time. */
async function* everyCode(c: Context<AppEnv>, campaignId: string): AsyncGenerator<CampaignCode> {
  let after: string | undefined;
  for (;;) {
    const batch = await listCampaignCodes(c.var.deps, portalUser(c).principal, campaignId, { after, limit: BATCH });
    yield* batch;
    if (batch.length < BATCH) return;
    after = String(batch.at(-1)!.n);
  }
}

const SendForm = (p: { c: Context<AppEnv>; groupId: string; campaign: Campaign; problem?: FormProblem; list?: string; status?: ContentfulStatusCode }) => {
  const { csrf } = portalUser(p.c);
  const cp = p.campaign;
  return page(p.c, {
    title: 'Send codes by e-mail',
    current: '/portal/groups',
    status: p.status,
    body: (
      <>
        <p>
          <a href={`/portal/groups/${p.groupId}`}>Back to the group</a>
        </p>
        <dl class="facts">
          <dt>Codes</dt>
          <dd>{cp.codeCount} unique codes, each redeemed once</dd>
          <dt>Redeemed</dt>
          <dd>{cp.redemptions}</dd>
          <dt>Ends</dt>
          <dd>{cp.endsAt ? isoDate(cp.endsAt) : 'until deactivated'}</dd>
          <dt>State</dt>
          <dd>{cp.status}</dd>
        </dl>
        <p>Each person gets one unused code by e-mail. Nobody gets a second code: people who already have one are skipped.</p>
        <ProblemAlert problem={p.problem} />
        <form method="post" action={`/portal/groups/${p.groupId}/campaigns/${cp.id}/sends`} enctype="multipart/form-data">
          <Csrf token={csrf} />
          <PeopleList label="Recipients" value={p.list} problem={p.problem} />
          <button type="submit">Send codes</button>
        </form>
      </>
    ),
  });
};

export function registerCampaignScreens(r: Hono<AppEnv>) {
  const base = `/groups/:id${UUID}/campaigns/:cid${UUID}`;

  // The codes' export: the same CSV as GET /v1/campaigns/{id}/codes (columns, order, file name).
  r.get(`${base}/codes.csv`, async (c) => {
    const campaign = await campaignOf(c, c.req.param('id'), c.req.param('cid'));
    return c.body(csvStream(CODE_EXPORT_COLUMNS, everyCode(c, campaign.id)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="campaign-${campaign.id}-codes.csv"`,
    });
  });

  r.get(`${base}/sends`, async (c) => SendForm({ c, groupId: c.req.param('id'), campaign: await campaignOf(c, c.req.param('id'), c.req.param('cid')) }));

  // The same service as POST /v1/campaigns/{id}/sends with text/csv; then the job's page.
  r.post(`${base}/sends`, async (c) => {
    const groupId = c.req.param('id');
    const campaign = await campaignOf(c, groupId, c.req.param('cid'));
    const list = await uploadedList(c);
    const done = await attempt(() => acceptCodeSends(c.var.deps, portalUser(c).principal, campaign.id, list));
    if (!done.ok) {
      const { list: typed } = await formFields(c);
      return SendForm({ c, groupId, campaign, problem: done.problem, list: typed, status: done.problem.status as 400 });
    }
    return c.redirect(`/portal/groups/${groupId}/campaigns/${campaign.id}/sends/${done.value.id}`, 303);
  });

  // The job's progress (polled by htmx while it runs), then every recipient's outcome and code.
  r.get(`${base}/sends/:jobId${UUID}`, async (c) => {
    const groupId = c.req.param('id');
    const campaign = await campaignOf(c, groupId, c.req.param('cid'));
    const job = await codeSendResults(c.var.deps, portalUser(c).principal, campaign.id, c.req.param('jobId'));
    const progress = (
      <JobProgress
        url={c.req.path}
        job={job}
        label="Codes sent"
        done={
          <Table caption={`Recipients: ${job.sent} sent, ${job.alreadySent} already had a code, ${job.failed} failed`} head={['E-mail', 'Name', 'Outcome', 'Code', 'Problem']}>
            {job.recipients.map((r) => (
              <tr>
                <td>{r.email}</td>
                <td>{r.name}</td>
                <td>{STATUS[r.status] ?? r.status}</td>
                <td>{r.code ?? ''}</td>
                <td>{r.error ?? ''}</td>
              </tr>
            ))}
          </Table>
        }
      />
    );
    return groupJobPage(c, { title: 'Sending codes', groupId, progress });
  });
}
