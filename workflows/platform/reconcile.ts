import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { ReconciliationActivities } from '../../activities/platform/reconciliation';
import { MAX_FLAGGED_IDS_ON_RUN } from '../../src/domain/reconciliation';
import { publishStatus } from './status';
import { NEEDS_ATTENTION } from './search-attribute-definitions';

const { reconcileLifecycles } = proxyActivities<ReconciliationActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

/**
 * One run of the Schedule `platform-reconcile` (every 15 minutes): rows that say they are live while
 * their workflow has ended are recorded as needing attention (GET /v1/reconciliation/findings) and
 * logged; findings that no longer hold are cleared. The run carries the flagged workflow ids in
 * PartnerflowNeedsAttention (Temporal cannot change a closed execution's own search attributes).
 */
export async function reconcileWorkflow(): Promise<{ checked: number; needsAttention: string[]; cleared: number }> {
  // Workflow time: deterministic, and it follows time skipping in tests.
  const report = await reconcileLifecycles(new Date(Date.now()).toISOString());
  const needsAttention = report.findings.map((f) => f.workflowId);
  if (needsAttention.length > 0) upsertSearchAttributes([{ key: NEEDS_ATTENTION, value: needsAttention.slice(0, MAX_FLAGGED_IDS_ON_RUN) }]);
  publishStatus(needsAttention.length > 0 ? 'needs_attention' : 'clean');
  return { checked: report.checked, needsAttention, cleared: report.cleared.length };
}
