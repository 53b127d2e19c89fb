import { continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { refuseTemporalCancel, shieldFromTemporalCancel } from '../platform/cancellation';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';
import { invitations, wholeJob } from './activity-profiles';
import { bulkInviteProgressQuery, jobWorkflowId, type BulkInviteInput } from './bulk-invite-definitions';

const BATCH = 500;

/**
 * A bulk invite: the responses and their units were created when the upload was accepted;
 * this starts their invitation workflows in batches and reports progress on the job.
 */
export async function bulkInviteWorkflow(input: BulkInviteInput): Promise<void> {
  // `temporal workflow cancel` is refused: the responses and their units were committed with the
  // upload, so stopping would leave them counted and never invited; it ends by itself.
  const shield = shieldFromTemporalCancel(() =>
    refuseTemporalCancel(jobWorkflowId(input.jobId), `let it finish (GET /v1/jobs/${input.jobId}); withdraw single invitations afterwards through the API`),
  );
  await shield.run(() => bulkInvite(input));
}

async function bulkInvite(input: BulkInviteInput): Promise<void> {
  let afterLine = input.afterLine ?? 0;
  setHandler(bulkInviteProgressQuery, () => ({ afterLine }));
  // The responses are committed with the job row: once it is visible, so is every response.
  if (input.afterLine === undefined && patched('await-record-commit') && !(await recordCommitted('job', input.jobId))) {
    publishStatus('abandoned');
    return;
  }
  if (patched('invitations-in-one-activity')) {
    afterLine = (await wholeJob.startJobInvitations(input.jobId, afterLine)).lastLine;
  } else {
    // Executions recorded before: one activity per batch.
    for (;;) {
      const batch = await invitations.startInvitationBatch(input.jobId, afterLine, BATCH);
      if (batch.lastLine === null) break;
      afterLine = batch.lastLine;
      if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof bulkInviteWorkflow>({ jobId: input.jobId, afterLine });
    }
  }
  await invitations.finishBulkInvite(input.jobId);
  publishStatus('completed');
}
