import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { GroupActivities } from '../../activities/groups';
import { GroupImportFailure } from '../../src/domain/groups/failures';
import { heartbeatingBatches, TRANSACTION } from '../platform/activities';
import { refuseTemporalCancel, shieldFromTemporalCancel } from '../platform/cancellation';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';
import { IMPORT_BATCH, importJobWorkflowId, importProgressQuery, type GroupImportInput } from './import-definitions';

// Rows remember their outcome, so a batch retried after a crash or an outage only finishes what
// was left; Stripe refusals are per-row results, not activity failures.
const rows = proxyActivities<GroupActivities>(
  heartbeatingBatches({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '1 minute', maximumInterval: '1 minute', nonRetryableErrorTypes: [GroupImportFailure.GROUP_NOT_FOUND] }),
);
const db = proxyActivities<GroupActivities>(TRANSACTION);

/** An import job (`job-<id>`): one customer + subscription per new address, in batches. */
export async function groupImportWorkflow(input: GroupImportInput): Promise<{ created: number; existing: number; failed: number } | 'abandoned'> {
  // `temporal workflow cancel` is refused: every row was accepted with the upload and is imported
  // once (its outcome recorded per row); the job ends by itself, with its per-row results.
  const shield = shieldFromTemporalCancel(() =>
    refuseTemporalCancel(importJobWorkflowId(input.jobId), `let it finish (GET /v1/groups/${input.groupId}/imports/${input.jobId})`),
  );
  return shield.run(() => groupImport(input));
}

async function groupImport(input: GroupImportInput): Promise<{ created: number; existing: number; failed: number } | 'abandoned'> {
  let afterLine = input.afterLine ?? 0;
  setHandler(importProgressQuery, () => ({ afterLine }));
  // The rows are committed with the job row: once it is visible, so is every row.
  if (input.afterLine === undefined && !(await recordCommitted('job', input.jobId))) {
    publishStatus('abandoned');
    return 'abandoned';
  }
  for (;;) {
    const batch = await rows.importGroupUsers(input.jobId, input.groupId, afterLine, IMPORT_BATCH);
    if (batch.lastLine === null) break;
    afterLine = batch.lastLine;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof groupImportWorkflow>({ ...input, afterLine });
  }
  const result = await db.finishGroupImport(input.jobId);
  publishStatus('completed');
  return result;
}
