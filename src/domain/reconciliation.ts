// Reconciliation (issue 18): which business rows say a workflow looks after them, and what a
// workflow's state means for such a row. Pure: src/platform/reconciliation.ts does the I/O.

/** The kinds of rows kept by a workflow, as their `needs_attention.kind`. */
export const RECONCILED_KINDS = ['sale', 'response', 'purchase', 'campaign', 'subscription', 'aggregator', 'job'] as const;
export type ReconciledKind = (typeof RECONCILED_KINDS)[number];

/**
 * The statuses in which a row is live: its workflow must be running. A sale pending approval,
 * approved or active; a response invited; a purchase awaiting payment; a campaign being created or
 * active; a group user's subscription still pending (being created in Stripe); an aggregator
 * integration active; a job running.
 */
export const LIVE_STATUSES: Record<ReconciledKind, readonly string[]> = {
  sale: ['pending_approval', 'approved', 'active'],
  response: ['invited'],
  purchase: ['pending_payment', 'payment_mismatch'],
  campaign: ['creating', 'active'],
  subscription: ['pending'],
  aggregator: ['active'],
  job: ['running'],
};

/** How Temporal describes the workflow of a row; NOT_FOUND when it has no execution at all. */
export type WorkflowState = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'TERMINATED' | 'CONTINUED_AS_NEW' | 'TIMED_OUT' | 'NOT_FOUND' | 'UNKNOWN';

/**
 * A row whose workflow is not found yet is given this long: the API commits the row first and
 * starts its workflow right after, so a run between the two must not flag it.
 */
export const START_GRACE_MS = 2 * 60 * 1000;

export interface LiveRow {
  kind: ReconciledKind;
  id: string;
  status: string;
  createdAt: Date;
}

/** Why a live row needs attention, or null when its workflow looks after it (or may still start). */
export function attentionReason(row: LiveRow, workflow: WorkflowState, nowMs: number): string | null {
  if (workflow === 'RUNNING' || workflow === 'CONTINUED_AS_NEW' || workflow === 'UNKNOWN') return null;
  if (workflow === 'NOT_FOUND') {
    if (nowMs - row.createdAt.getTime() < START_GRACE_MS) return null;
    return `the ${row.kind} is ${row.status} but it has no workflow`;
  }
  return `the ${row.kind} is ${row.status} but its workflow is ${workflow.toLowerCase().replace(/_/g, ' ')}`;
}

/** Flagged workflow ids a reconciliation run puts on its own PartnerflowNeedsAttention (a search attribute value has a size limit). */
export const MAX_FLAGGED_IDS_ON_RUN = 100;
