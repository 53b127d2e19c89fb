// Subscription reports: segments, their columns, and CSV output. Pure.

export const GROUP_BY = ['product', 'plan', 'group', 'campaign'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** What every segment counts. */
export interface ReportCounts {
  /** Subscriptions that exist in Stripe (status active). */
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
}

const COUNT_COLUMNS: (keyof ReportCounts)[] = [
  'subscriptions', 'ownerSubscriptions', 'userSubscriptions', 'imported', 'claimed', 'redemptions', 'pendingRedemptions',
];

/** The identifying columns of each segment, then the counts. */
export const REPORT_COLUMNS: Record<GroupBy, string[]> = {
  product: ['productId', 'productName', ...COUNT_COLUMNS],
  plan: ['planId', 'planName', 'productId', 'productName', 'amount', 'currency', 'interval', ...COUNT_COLUMNS],
  group: ['groupId', 'groupName', 'organizationId', 'usersPlanId', ...COUNT_COLUMNS],
  campaign: ['campaignId', 'groupId', 'groupName', 'mode', 'status', 'maxRedemptions', ...COUNT_COLUMNS],
};

export function totals(rows: ReportCounts[]): ReportCounts {
  const sum = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as unknown as ReportCounts;
  for (const r of rows) for (const c of COUNT_COLUMNS) sum[c] += Number(r[c]) || 0;
  return sum;
}

/**
 * One CSV field (RFC 4180). Text starting with = + - @ is prefixed with ' so a spreadsheet never
 * runs a name someone typed as a formula.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
