import { log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { refuseTemporalCancel, shieldFromTemporalCancel } from '../platform/cancellation';
import type { AllotmentActivities } from '../../activities/allotments';
import type { MailActivities } from '../../activities/platform/mail';
import type { LowBalanceAlertInput } from './low-balance-definitions';

export type { LowBalanceAlertInput };

const reads = proxyActivities<AllotmentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const mail = proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 12 },
});

/**
 * E-mails the organization's managers that an allotment crossed its low-balance threshold: one
 * workflow per crossing (`low-balance-<org>-<assessment>-<seq>`), started by the workers' drain
 * once the event is committed; each message has a fixed Message-ID.
 */
export async function lowBalanceAlertWorkflow(input: LowBalanceAlertInput): Promise<{ sent: number; failed: number }> {
  // `temporal workflow cancel` is refused: the crossing is announced once, so its e-mails go out.
  const shield = shieldFromTemporalCancel(() => refuseTemporalCancel(workflowInfo().workflowId, 'none: let it finish'));
  return shield.run(() => alert(input));
}

async function alert(input: LowBalanceAlertInput): Promise<{ sent: number; failed: number }> {
  const messages = await reads.lowBalanceMessages({ eventId: input.eventId, seq: input.seq });
  const results = await Promise.allSettled(messages.map((m) => mail.sendMail(m)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0) log.error('low-balance e-mails could not all be sent', { eventId: input.eventId, failed });
  return { sent: results.length - failed, failed };
}
