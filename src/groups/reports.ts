import { totals, type GroupBy, type ReportCounts } from '../domain/groups/report';
import type { Principal } from '../domain/principal';
import type { Services } from '../platform/services';
import { subscriptionReport as readReport } from '../repos/groups/reports';

export type ReportRow = ReportCounts & Record<string, unknown>;

export interface SubscriptionReport {
  groupBy: GroupBy;
  generatedAt: Date;
  items: ReportRow[];
  totals: ReportCounts;
}

/**
 * Subscriptions and redemptions segmented by product, plan, group or campaign, with totals.
 * Admins see every segment (zeros included); managers the segments their groups account for.
 */
export async function subscriptionReport(s: Pick<Services, 'sql'>, p: Principal, q: { groupBy: GroupBy; from?: string; to?: string }): Promise<SubscriptionReport> {
  const rows = (await readReport(s.sql, p, q.groupBy, {
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  })) as unknown as ReportRow[];
  return { groupBy: q.groupBy, generatedAt: new Date(), items: [...rows], totals: totals(rows) };
}
