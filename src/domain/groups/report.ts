// Subscription reports: segments, their columns, the per-subscriber export, and CSV output. Pure.
import { SUBSCRIPTION_STATUSES, type SubscriptionSource, type SubscriptionStatus } from './subscriptions';

export const GROUP_BY = ['product', 'plan', 'group', 'campaign'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** Statuses a report counts: everything but released reservations (failed), which never existed in Stripe. */
export const REPORTED_STATUSES = SUBSCRIPTION_STATUSES.filter((s) => s !== 'failed');
export type ReportedStatus = Exclude<SubscriptionStatus, 'failed'>;

/** What every segment counts. */
export interface ReportCounts {
  /** Live subscriptions: what Stripe says is running (LIVE_STATUSES: trialing, active, past_due). */
  subscriptions: number;
  /** Of those: group owners' subscriptions. */
  ownerSubscriptions: number;
  /** Of those: group users' subscriptions, by how they came in. */
  userSubscriptions: number;
  imported: number;
  claimed: number;
  /** Completed code redemptions (each one a user subscription). */
  redemptions: number;
  /** Redemptions counted against a code whose subscription is still being created. */
  pendingRedemptions: number;
  /** Every subscription of the segment by its status (Stripe's, or pending), zeros included. */
  byStatus: Record<ReportedStatus, number>;
}

type Count = Exclude<keyof ReportCounts, 'byStatus'>;
const COUNT_COLUMNS: Count[] = [
  'subscriptions', 'ownerSubscriptions', 'userSubscriptions', 'imported', 'claimed', 'redemptions', 'pendingRedemptions',
];
/** CSV has one column per status, after the counts: `byStatus.active`, … */
const STATUS_COLUMNS = REPORTED_STATUSES.map((s) => `byStatus.${s}`);

/** The identifying columns of each segment, then the counts, then the counts by status. */
export const REPORT_COLUMNS: Record<GroupBy, string[]> = {
  product: ['productId', 'productName', ...COUNT_COLUMNS, ...STATUS_COLUMNS],
  plan: ['planId', 'planName', 'productId', 'productName', 'amount', 'currency', 'interval', ...COUNT_COLUMNS, ...STATUS_COLUMNS],
  group: ['groupId', 'groupName', 'organizationId', 'usersPlanId', ...COUNT_COLUMNS, ...STATUS_COLUMNS],
  campaign: ['campaignId', 'groupId', 'groupName', 'mode', 'status', 'maxRedemptions', ...COUNT_COLUMNS, ...STATUS_COLUMNS],
};

const zeroByStatus = () => Object.fromEntries(REPORTED_STATUSES.map((s) => [s, 0])) as Record<ReportedStatus, number>;

/** A segment's counts by status from the counts the query answers in REPORTED_STATUSES order. */
export function byStatusOf(counts: readonly number[]): Record<ReportedStatus, number> {
  const out = zeroByStatus();
  REPORTED_STATUSES.forEach((s, i) => (out[s] = Number(counts[i]) || 0));
  return out;
}

export function totals(rows: ReportCounts[]): ReportCounts {
  const sum = { ...(Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Record<Count, number>), byStatus: zeroByStatus() };
  for (const r of rows) {
    for (const c of COUNT_COLUMNS) sum[c] += Number(r[c]) || 0;
    for (const s of REPORTED_STATUSES) sum.byStatus[s] += Number(r.byStatus?.[s]) || 0;
  }
  return sum;
}

/** A segment as one CSV record: its nested counts by status under `byStatus.<status>`. */
export function flattenReportRow(row: ReportCounts & Record<string, unknown>): Record<string, unknown> {
  const { byStatus, ...rest } = row;
  return { ...rest, ...Object.fromEntries(REPORTED_STATUSES.map((s) => [`byStatus.${s}`, byStatus[s]])) };
}

// ---- Per-subscriber export ---------------------------------------------------------------------

/** How a subscriber came in, in the words of the seed: import, shared code, unique code, IP, domain (direct: made by an admin). */
export const EXPORT_SOURCES = ['direct', 'import', 'shared_code', 'unique_code', 'ip', 'domain'] as const;
export type ExportSource = (typeof EXPORT_SOURCES)[number];

export function exportSource(source: SubscriptionSource, campaignMode: 'shared' | 'unique' | null): ExportSource {
  switch (source) {
    case 'direct':
      return 'direct';
    case 'import':
      return 'import';
    case 'redemption':
      return campaignMode === 'unique' ? 'unique_code' : 'shared_code';
    case 'ip_claim':
      return 'ip';
    case 'email_claim':
      return 'domain';
  }
}

/** The export's segments: rows come ordered by product or plan (then e-mail), or by creation. */
export const SUBSCRIBER_GROUP_BY = ['product', 'plan', 'group'] as const;
export type SubscriberGroupBy = (typeof SUBSCRIBER_GROUP_BY)[number];

/** One subscriber (one subscription) as the export lists it. */
export interface SubscriberRow {
  subscriptionId: string;
  customerId: string;
  customerName: string;
  email: string;
  productId: string;
  productName: string;
  planId: string;
  planName: string;
  groupId: string | null;
  groupName: string | null;
  role: 'owner' | 'user' | null;
  source: ExportSource;
  campaignId: string | null;
  status: SubscriptionStatus;
  live: boolean;
  stripeSubscriptionId: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  statusAt: Date | null;
  endedAt: Date | null;
}

export const SUBSCRIBER_COLUMNS: (keyof SubscriberRow)[] = [
  'subscriptionId', 'customerId', 'customerName', 'email', 'productId', 'productName', 'planId', 'planName', 'groupId', 'groupName',
  'role', 'source', 'campaignId', 'status', 'live', 'stripeSubscriptionId', 'createdAt', 'activatedAt', 'statusAt', 'endedAt',
];

// The CSV writer is the platform's (src/domain/csv.ts); the reports use it as every list does.
export { csvField, csvLine, toCsv } from '../csv';
