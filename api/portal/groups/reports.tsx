/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { z } from 'zod';
import { flattenReportRow, GROUP_BY, REPORT_COLUMNS, REPORTED_STATUSES, toCsv, type GroupBy, type ReportCounts } from '../../../src/domain/groups/report';
import { formatMoney } from '../../../src/domain/sales/notifications';
import { subscriptionReport } from '../../../src/groups/reports';
import type { AppEnv } from '../../context';
import { FilterForm, ProblemAlert, Select, Table } from '../components';
import { attempt, parseWith } from '../forms';
import { page, portalUser } from '../page';

const ReportQuery = z.object({ groupBy: z.enum(GROUP_BY).default('product') });

const LABEL: Record<GroupBy, string> = { product: 'Product', plan: 'Plan', group: 'Group', campaign: 'Campaign' };

type Row = ReportCounts & Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The columns that say which segment a row is, by grouping. */
const SEGMENT: Record<GroupBy, { head: string[]; cells: (r: Row) => string[] }> = {
  product: { head: ['Product'], cells: (r) => [text(r.productName)] },
  plan: {
    head: ['Plan', 'Product', 'Price'],
    cells: (r) => [text(r.planName), text(r.productName), `${formatMoney({ amount: Number(r.amount), currency: text(r.currency) })} per ${text(r.interval)}`],
  },
  group: { head: ['Group'], cells: (r) => [text(r.groupName)] },
  campaign: { head: ['Group', 'Campaign'], cells: (r) => [text(r.groupName), `${r.mode === 'shared' ? 'shared code' : 'unique codes'}, ${text(r.status)}`] },
};

const COUNTS: [keyof Omit<ReportCounts, 'byStatus'>, string][] = [
  ['subscriptions', 'Live subscriptions'],
  ['ownerSubscriptions', 'Owners'],
  ['userSubscriptions', 'Users'],
  ['imported', 'Imported'],
  ['claimed', 'By IP or domain'],
  ['redemptions', 'Codes redeemed'],
  ['pendingRedemptions', 'Redemptions pending'],
];

/** The statuses a segment has subscriptions in, e.g. "active 3, pending 1". */
const byStatus = (c: ReportCounts) =>
  REPORTED_STATUSES.filter((s) => c.byStatus[s] > 0)
    .map((s) => `${s.replace('_', ' ')} ${c.byStatus[s]}`)
    .join(', ') || 'none';

/** Reports by product, plan, group or campaign: the same report as GET /v1/reports/subscriptions. */
export function registerReportScreens(r: Hono<AppEnv>) {
  r.get('/groups/reports', async (c) => {
    const { principal } = portalUser(c);
    const parsed = await attempt(async () => parseWith(ReportQuery, c.req.query()));
    const groupBy = parsed.ok ? parsed.value.groupBy : 'product';
    const report = await subscriptionReport(c.var.deps, principal, { groupBy });
    const seg = SEGMENT[groupBy];
    return page(c, {
      title: 'Subscription reports',
      current: '/portal/groups',
      status: parsed.ok ? 200 : (parsed.problem.status as 400),
      body: (
        <>
          <p>
            <a href="/portal/groups">All groups</a>
          </p>
          <p>
            Subscriptions of the groups you run, segmented by product, plan, group or campaign. Live subscriptions are those Stripe keeps running
            (trialing, active, past due).
          </p>
          {!parsed.ok && <ProblemAlert problem={parsed.problem} />}
          <FilterForm action="/portal/groups/reports" submit="Show report" primary>
            <Select name="groupBy" label="Segment by" value={groupBy} options={GROUP_BY.map((g) => ({ value: g, label: LABEL[g] }))} />
          </FilterForm>
          <Table caption={`Subscriptions by ${groupBy}, ${report.generatedAt.toISOString()}`} head={[...seg.head, ...COUNTS.map(([, h]) => h), 'By status']}>
            {report.items.map((row) => (
              <tr>
                {seg.cells(row).map((cell) => (
                  <td>{cell}</td>
                ))}
                {COUNTS.map(([k]) => (
                  <td class="num">{row[k]}</td>
                ))}
                <td>{byStatus(row)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Total</th>
              {seg.head.slice(1).map(() => (
                <td></td>
              ))}
              {COUNTS.map(([k]) => (
                <td class="num">{report.totals[k]}</td>
              ))}
              <td>{byStatus(report.totals)}</td>
            </tr>
          </Table>
          <p>
            <a href={`/portal/groups/reports.csv?groupBy=${groupBy}`} download>
              Download this report (CSV)
            </a>
          </p>
        </>
      ),
    });
  });

  // The CSV the API answers for GET /v1/reports/subscriptions?format=csv (same columns, same file name).
  r.get('/groups/reports.csv', async (c) => {
    const { groupBy } = parseWith(ReportQuery, c.req.query());
    const report = await subscriptionReport(c.var.deps, portalUser(c).principal, { groupBy });
    return c.body(toCsv(REPORT_COLUMNS[groupBy], report.items.map(flattenReportRow)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="subscriptions-by-${groupBy}.csv"`,
    });
  });
}
