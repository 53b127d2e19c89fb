import { byStatusOf, exportSource, totals, type GroupBy, type ReportCounts, type SubscriberRow } from '../domain/groups/report';
import { isLive } from '../domain/groups/subscriptions';
import type { Principal } from '../domain/principal';
import { notFound } from '../errors';
import type { Services } from '../platform/services';
import { findPlan, getProduct } from '../repos/groups/catalog';
import { getGroup } from '../repos/groups/groups';
import { subscribers, subscriptionReport as readReport, type SubscriberFilter } from '../repos/groups/reports';

export type ReportRow = ReportCounts & Record<string, unknown>;

export interface SubscriptionReport {
  groupBy: GroupBy;
  generatedAt: Date;
  items: ReportRow[];
  totals: ReportCounts;
}

/**
 * Subscriptions and redemptions segmented by product, plan, group or campaign, with totals and
 * counts by status. Admins see every segment (zeros included); managers the segments their
 * groups account for.
 */
export async function subscriptionReport(s: Pick<Services, 'sql'>, p: Principal, q: { groupBy: GroupBy; from?: string; to?: string }): Promise<SubscriptionReport> {
  const rows = await readReport(s.sql, p, q.groupBy, {
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  });
  const items = rows.map(({ statusCounts, ...row }) => ({ ...row, byStatus: byStatusOf(statusCounts as number[]) }) as unknown as ReportRow);
  return { groupBy: q.groupBy, generatedAt: new Date(), items, totals: totals(items) };
}

export type SubscriberQuery = Omit<SubscriberFilter, 'from' | 'to'> & { from?: string; to?: string };

/**
 * Every subscriber the caller may see (admins: all; managers: their groups' users and owners),
 * filtered by product, plan, group, status and creation, ordered by the segment asked for.
 * The filters are checked first (an unknown or out-of-scope one is 404), then the rows are read
 * through a cursor as the caller consumes them: constant memory however many there are.
 */
export async function subscriberExport(s: Pick<Services, 'sql'>, p: Principal, q: SubscriberQuery): Promise<AsyncIterable<SubscriberRow>> {
  if (q.groupId) await getGroup(s.sql, p, q.groupId);
  if (q.productId) await getProduct(s.sql, q.productId);
  if (q.planId && !(await findPlan(s.sql, q.planId))) throw notFound('Plan');
  const batches = subscribers(s.sql, p, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });
  return (async function* () {
    for await (const batch of batches) {
      for (const { campaignMode, source, ...r } of batch) yield { ...r, source: exportSource(source, campaignMode), live: isLive(r.status) };
    }
  })();
}
