import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { GroupActivities } from '../../activities/groups';
import { heartbeatingBatches, TRANSACTION } from '../platform/activities';
import { refuseTemporalCancel, shieldFromTemporalCancel } from '../platform/cancellation';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';
import { CODE_SENDS_BATCH, codeSendsProgressQuery, type CodeSendsInput } from './code-sends-definitions';

// Recipients remember their code and the notification its e-mail; a batch retried after a crash
// or an SMTP outage gives nobody a second code and sends nobody a second message.
const recipients = proxyActivities<GroupActivities>(
  heartbeatingBatches({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '1 minute', initialInterval: '10 seconds', maximumInterval: '10 minutes' }),
);
const db = proxyActivities<GroupActivities>(TRANSACTION);

/** A sends job (`job-<id>`): one unused unique code of the campaign per recipient, by e-mail, in batches. */
export async function campaignCodeSendsWorkflow(input: CodeSendsInput): Promise<{ sent: number; alreadySent: number; failed: number } | 'abandoned'> {
  // `temporal workflow cancel` is refused: a recipient mailed half way through a batch would keep
  // a code the job never reports; the job ends by itself, with every recipient's result.
  const shield = shieldFromTemporalCancel(() =>
    refuseTemporalCancel(workflowInfo().workflowId, `let it finish (GET /v1/campaigns/${input.campaignId}/sends/${input.jobId})`),
  );
  return shield.run(() => codeSends(input));
}

async function codeSends(input: CodeSendsInput): Promise<{ sent: number; alreadySent: number; failed: number } | 'abandoned'> {
  let afterLine = input.afterLine ?? 0;
  setHandler(codeSendsProgressQuery, () => ({ afterLine }));
  // The recipients are committed with the job row: once it is visible, so is every recipient.
  if (input.afterLine === undefined && !(await recordCommitted('job', input.jobId))) {
    publishStatus('abandoned');
    return 'abandoned';
  }
  for (;;) {
    const batch = await recipients.sendCampaignCodes(input.jobId, afterLine, CODE_SENDS_BATCH);
    if (batch.lastLine === null) break;
    afterLine = batch.lastLine;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof campaignCodeSendsWorkflow>({ ...input, afterLine });
  }
  const result = await db.finishCampaignCodeSends(input.jobId);
  publishStatus('completed');
  return result;
}
