import { proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { WebhookActivities } from '../../activities/platform/webhooks';
import { MAX_ATTEMPTS, scheduledDelay } from '../../src/domain/webhooks/schedule';
import { refuseTemporalCancel, shieldFromTemporalCancel } from './cancellation';
import { publishStatus } from './status';
import { deliveryStateQuery, type DeliveryOutcome, type DeliveryState, type WebhookDeliveryInput } from './webhook-delivery-definitions';

// One attempt is one activity: the HTTP call's own 15 s limit sits inside it, and the activity is
// retried only when it could not record what happened (the database unreachable).
const { attemptDelivery } = proxyActivities<WebhookActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Delivers one event to one endpoint: attempts on the retry schedule (src/domain/webhooks/schedule.ts)
 * with jitter, until a 2xx, a 410 (the endpoint is disabled), the endpoint's removal, or the last attempt.
 */
export async function webhookDeliveryWorkflow(input: WebhookDeliveryInput): Promise<DeliveryOutcome> {
  // `temporal workflow cancel` is refused: the delivery's row would stay pending with nothing
  // left to end it. Disabling or deleting the endpoint ends its pending deliveries the API's way.
  const shield = shieldFromTemporalCancel(() =>
    refuseTemporalCancel(workflowInfo().workflowId, 'disable or delete the endpoint (PATCH or DELETE /v1/webhook-endpoints/<id>)'),
  );
  return shield.run(() => deliver(input));
}

async function deliver(input: WebhookDeliveryInput): Promise<DeliveryOutcome> {
  const state: DeliveryState = { status: 'pending', attempts: 0, nextAttemptAt: null };
  setHandler(deliveryStateQuery, () => ({ ...state }));
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // The jittered wait after this attempt, should it fail (Math.random is deterministic here).
    const scheduledNextDelayMs = attempt < MAX_ATTEMPTS ? scheduledDelay(attempt + 1, Math.random()) : null;
    const result = await attemptDelivery({ deliveryId: input.deliveryId, attempt, scheduledNextDelayMs, at: new Date(Date.now()).toISOString() });
    state.attempts = attempt;
    if (result.outcome !== 'retry' || result.nextDelayMs === null) {
      const outcome: DeliveryOutcome = result.outcome === 'retry' ? 'failed' : result.outcome;
      Object.assign(state, { status: outcome, nextAttemptAt: null });
      publishStatus(outcome);
      return outcome;
    }
    Object.assign(state, { status: 'retrying', nextAttemptAt: new Date(Date.now() + result.nextDelayMs).toISOString() });
    if (attempt === 1) publishStatus('retrying');
    await sleep(result.nextDelayMs);
  }
  // Not reached: the last attempt answers a final outcome (its nextDelayMs is null).
  publishStatus('failed');
  return 'failed';
}
