/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { getAssessment } from '../../../src/allotments/assessments';
import { listAllotments, listLedgerEntries, updateAllotment } from '../../../src/allotments/ledger';
import type { Principal } from '../../../src/domain/principal';
import type { AppEnv } from '../../context';
import { presentLedgerEntry } from '../../routes/allotments/present';
import { UpdateAllotment } from '../../routes/allotments/schemas';
import { Csrf, Field, Notice, ProblemAlert, Table } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page } from '../page';
import { buyer, buyUrl, idParam, instant, ledgerUrl, listUrl, organizationOf, purchaseUrl, SECTION } from './shared';
import { emptyAllotment } from './list';

/** Entries per page of the ledger (oldest first; "Later entries" goes on). */
const PAGE = 100;

type Entry = ReturnType<typeof presentLedgerEntry>;

const KIND: Record<Entry['kind'], string> = {
  allocation: 'Credit (allocation)',
  reservation: 'Reservation',
  completion: 'Completion',
  expiry: 'Expiry (unit released)',
  refund: 'Refund (units taken back)',
  dispute: 'Dispute (units taken back)',
};

/** What a movement refers to: the purchase (a link), the response, the cohort or the bulk job. */
const Reference = ({ e }: { e: Entry }) => (
  <>
    {e.purchaseId && <a href={purchaseUrl(e.purchaseId)}>Purchase {e.purchaseId}</a>}
    {e.responseId && <span>Response {e.responseId}</span>}
    {e.cohortId && <span> Cohort {e.cohortId}</span>}
    {e.jobId && <span> Bulk job {e.jobId}</span>}
    {e.source && <small> ({e.source.replace(/_/g, ' ')})</small>}
  </>
);

async function ledgerPage(c: Context<AppEnv>, p: Principal, csrf: string, ids: { organizationId: string; assessmentId: string }, o: { problem?: FormProblem; threshold?: string } = {}) {
  const deps = c.var.deps;
  const org = (await organizationOf(c, p, ids.organizationId))!;
  const after = c.req.query('after');
  const [assessment, [row], entries] = await Promise.all([
    getAssessment(deps, p, ids.assessmentId),
    listAllotments(deps, p, { organizationId: org.id, assessmentId: ids.assessmentId, limit: 1 }),
    listLedgerEntries(deps, p, { organizationId: org.id, assessmentId: ids.assessmentId }, { after: after && /^\d{1,18}$/.test(after) ? after : undefined, limit: PAGE + 1 }),
  ]);
  const a = row ?? emptyAllotment(org.id, assessment.id, assessment.pricingByCohort);
  const shown = entries.slice(0, PAGE).map(presentLedgerEntry);
  const threshold = o.threshold ?? (a.lowBalanceThreshold === null ? '' : String(a.lowBalanceThreshold));
  return page(c, {
    title: `Ledger: ${assessment.name}`,
    current: SECTION,
    status: o.problem ? (o.problem.status as 400) : 200,
    body: (
      <>
        <p>
          <a href={listUrl(org.id)}>Back to the Allotments of {org.name}</a> · <a href={buyUrl(org.id, assessment.id)}>Buy units</a>
        </p>
        {c.req.query('saved') === 'threshold' && !o.problem && <Notice>The low-balance threshold is saved.</Notice>}
        <h2>Now</h2>
        <dl class="facts">
          <dt>Allocated</dt><dd>{a.allocated}</dd>
          <dt>Invited</dt><dd>{a.invited}</dd>
          <dt>Used</dt><dd>{a.used}</dd>
          <dt>Unexpired</dt><dd>{a.unexpired}</dd>
          <dt>Expired</dt><dd>{a.expired}</dd>
          <dt>Available</dt><dd>{a.available}</dd>
          <dt>Counted in</dt><dd>{a.unit === 'cohort' ? 'cohorts' : 'responses'}</dd>
          <dt>Next unit released</dt><dd>{a.nextReleaseAt ? `${instant(a.nextReleaseAt)} (an open invitation expires)` : '—'}</dd>
        </dl>
        <h2>Low-balance alert</h2>
        <ProblemAlert problem={o.problem} />
        <form method="post" action={`${ledgerUrl(org.id, assessment.id)}/threshold`} novalidate>
          <Csrf token={csrf} />
          <Field
            name="lowBalanceThreshold"
            label="Low-balance threshold (units)"
            type="number"
            min={0}
            value={threshold}
            hint="When Available falls to this or below, the organization's managers are e-mailed once. Leave empty to switch the alert off."
            problem={o.problem}
          />
          <button type="submit">Save threshold</button>
        </form>
        <h2>Ledger entries</h2>
        {shown.length === 0 ? (
          <p>Nothing has moved in this allotment yet.</p>
        ) : (
          <Table caption={`Every movement of ${assessment.name} for ${org.name}, oldest first`} head={['When', 'Type', 'Units', 'Reference', 'By', 'Available after']}>
            {shown.map((e) => (
              <tr>
                <td>{instant(e.at)}</td>
                <td>{KIND[e.kind]}</td>
                <td class="num">{e.units}</td>
                <td>
                  <Reference e={e} />
                </td>
                <td>{e.actor}</td>
                <td class="num">{e.available}</td>
              </tr>
            ))}
          </Table>
        )}
        {entries.length > PAGE && <a href={`${ledgerUrl(org.id, assessment.id)}?after=${shown[shown.length - 1]!.id}`}>Later entries</a>}
      </>
    ),
  });
}

/** One allotment: its columns, its ledger entries and its low-balance threshold (PATCH /v1/allotments/…'s service). */
export function registerAllotmentLedger(r: Hono<AppEnv>) {
  const target = (c: Context<AppEnv>) => ({ organizationId: idParam(c.req.param('organizationId'), 'Organization'), assessmentId: idParam(c.req.param('assessmentId'), 'Assessment') });

  r.get('/allotments/:organizationId/:assessmentId', async (c) => {
    const { principal, csrf } = buyer(c);
    return ledgerPage(c, principal, csrf, target(c));
  });

  r.post('/allotments/:organizationId/:assessmentId/threshold', async (c) => {
    const { principal, csrf } = buyer(c);
    const ids = target(c);
    const fields = await formFields(c);
    const raw = fields.lowBalanceThreshold ?? '';
    const saved = await attempt(() =>
      updateAllotment(c.var.deps, principal, ids, raw.trim() === '' ? { lowBalanceThreshold: null } : parseWith(UpdateAllotment, { lowBalanceThreshold: raw }, { numbers: ['lowBalanceThreshold'] })),
    );
    if (!saved.ok) return ledgerPage(c, principal, csrf, ids, { problem: saved.problem, threshold: raw });
    return c.redirect(`${ledgerUrl(ids.organizationId, ids.assessmentId)}?saved=threshold`, 303);
  });
}
