import { WorkflowNotFoundError } from '@temporalio/client';
import { attentionReason, type ReconciledKind, type WorkflowState } from '../domain/reconciliation';
import type { Principal } from '../domain/principal';
import { clearFindingsExcept, listFindings as readFindings, listLiveEntities, recordFindings, type Finding, type LiveEntity } from '../repos/reconciliation';
import { aggregatorWorkflowId } from '../../workflows/aggregators/aggregator-definitions';
import { jobWorkflowId } from '../../workflows/allotments/bulk-invite-definitions';
import { purchaseWorkflowId } from '../../workflows/allotments/purchase-definitions';
import { responseWorkflowId } from '../../workflows/allotments/response-definitions';
import { campaignWorkflowId } from '../../workflows/groups/campaign-definitions';
import { subscriptionWorkflowId } from '../../workflows/groups/subscription-definitions';
import { saleWorkflowId } from '../../workflows/sales/sale-definitions';
import type { Services } from './services';

export type { Finding };

/** The workflow that keeps each kind of row (its business key). */
const WORKFLOW_ID: Record<ReconciledKind, (id: string) => string> = {
  sale: saleWorkflowId,
  response: responseWorkflowId,
  purchase: purchaseWorkflowId,
  campaign: campaignWorkflowId,
  subscription: subscriptionWorkflowId,
  aggregator: aggregatorWorkflowId,
  job: jobWorkflowId,
};

const PAGE = 500;
const DESCRIBING_AT_ONCE = 8;

export interface ReconciliationReport {
  /** Live rows looked at. */
  checked: number;
  /** Every row that needs attention now, with its workflow id. */
  findings: { kind: ReconciledKind; entityId: string; workflowId: string; reason: string; isNew: boolean }[];
  /** Findings of earlier runs that no longer hold (the row was repaired, or its workflow runs again). */
  cleared: { kind: string; entityId: string; workflowId: string }[];
}

async function workflowState(s: Pick<Services, 'temporal'>, workflowId: string): Promise<WorkflowState> {
  try {
    return (await s.temporal.workflow.getHandle(workflowId).describe()).status.name as WorkflowState;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return 'NOT_FOUND';
    throw err;
  }
}

/**
 * One reconciliation run: every row that says it is live is checked against its workflow; rows
 * whose workflow has ended (or never started) are recorded in `needs_attention` with the reason,
 * their own status untouched; findings that no longer hold are cleared. Logs what it found.
 */
export async function reconcile(s: Pick<Services, 'sql' | 'temporal' | 'logger'>, now: Date, heartbeat: () => void = () => {}): Promise<ReconciliationReport> {
  const found: (LiveEntity & { workflowId: string; workflowStatus: WorkflowState; reason: string })[] = [];
  let checked = 0;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows = await listLiveEntities(s.sql, after, PAGE);
    for (let i = 0; i < rows.length; i += DESCRIBING_AT_ONCE) {
      const slice = rows.slice(i, i + DESCRIBING_AT_ONCE);
      const states = await Promise.all(slice.map((r) => workflowState(s, WORKFLOW_ID[r.kind](r.id))));
      slice.forEach((row, j) => {
        const reason = attentionReason(row, states[j]!, now.getTime());
        if (reason) found.push({ ...row, workflowId: WORKFLOW_ID[row.kind](row.id), workflowStatus: states[j]!, reason });
      });
      heartbeat();
    }
    checked += rows.length;
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
  const added = new Set(
    await recordFindings(
      s.sql,
      found.map((f) => ({ kind: f.kind, entityId: f.id, organizationId: f.organizationId, workflowId: f.workflowId, entityStatus: f.status, workflowStatus: f.workflowStatus, reason: f.reason })),
    ),
  );
  const cleared = await clearFindingsExcept(s.sql, found.map((f) => `${f.kind}:${f.id}`));
  const findings = found.map((f) => ({ kind: f.kind, entityId: f.id, workflowId: f.workflowId, reason: f.reason, isNew: added.has(`${f.kind}:${f.id}`) }));
  for (const f of found.filter((x) => added.has(`${x.kind}:${x.id}`))) {
    s.logger.warn({ kind: f.kind, id: f.id, workflowId: f.workflowId, status: f.status, workflowStatus: f.workflowStatus, organizationId: f.organizationId }, `needs attention: ${f.reason}`);
  }
  for (const c of cleared) s.logger.info({ kind: c.kind, id: c.entityId, workflowId: c.workflowId }, 'needs attention no more: cleared');
  s.logger.info({ checked, needsAttention: found.length, new: added.size, cleared: cleared.length }, 'reconciliation run');
  return { checked, findings, cleared };
}

/** Rows that need attention, in the caller's scope (GET /v1/reconciliation/findings). */
export function listFindings(s: Pick<Services, 'sql'>, p: Principal, q: { kind?: ReconciledKind; after?: string; limit: number }): Promise<Finding[]> {
  return readFindings(s.sql, p, q);
}
