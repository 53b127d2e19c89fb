import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { GroupActivities } from '../../activities/groups';
import { CampaignFailure, GroupSubscriptionFailure } from '../../src/domain/groups/failures';
import { activityFailureMessage, heartbeatingBatches, stripeCalls, TRANSACTION } from '../platform/activities';
import { cancelledAfterCleanUp, shieldFromTemporalCancel, TEMPORAL_CANCEL_CAUSE } from '../platform/cancellation';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';
import {
  campaignStateQuery,
  CODE_BATCH,
  deactivateCampaignSignal,
  type CampaignState,
  type CampaignWorkflowInput,
} from './campaign-definitions';

const PERMANENT = [GroupSubscriptionFailure.STRIPE_REFUSED, CampaignFailure.CAMPAIGN_NOT_FOUND, CampaignFailure.STRIPE_NOT_CONNECTED, CampaignFailure.COUPON_MISSING];

const stripe = proxyActivities<GroupActivities>(stripeCalls(PERMANENT));
// Code batches run long: a worker that dies is noticed within a minute and the batch is retried
// elsewhere, continuing from what the database says is done.
const codes = proxyActivities<GroupActivities>(
  heartbeatingBatches({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute', maximumInterval: '2 minutes', nonRetryableErrorTypes: PERMANENT }),
);
const db = proxyActivities<GroupActivities>(TRANSACTION);

/**
 * One coupon campaign: creates its 100 %-off coupon and codes in Stripe (in resumable batches),
 * is active until its end date (a durable timer) or until deactivated (a signal), then retires
 * the coupon. The database is what redemptions check; this workflow moves its status.
 *
 * `temporal workflow cancel` is a deactivation: the campaign is deactivated as the API does it
 * (redemptions refused, coupon deleted in Stripe), then the workflow ends Canceled.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignState | 'abandoned'> {
  let cancelledInTemporal = false;
  let deactivation = false;
  const shield = shieldFromTemporalCancel(() => {
    cancelledInTemporal = true;
    deactivation = true;
  });
  const status = await shield.run(() =>
    campaignLifecycle(input, {
      deactivated: () => deactivation,
      deactivate: () => {
        deactivation = true;
      },
      cause: () => (cancelledInTemporal ? TEMPORAL_CANCEL_CAUSE : undefined),
    }),
  );
  if (cancelledInTemporal) throw cancelledAfterCleanUp(`the campaign is ${status} and its coupon deleted`);
  return status;
}

interface Deactivation {
  deactivated(): boolean;
  deactivate(): void;
  /** Why, when it was not the API's signal nor a failure. */
  cause(): string | undefined;
}

async function campaignLifecycle(input: CampaignWorkflowInput, stop: Deactivation): Promise<CampaignState | 'abandoned'> {
  const id = input.campaignId;
  let status: CampaignState = 'creating';
  setHandler(deactivateCampaignSignal, () => stop.deactivate());
  setHandler(campaignStateQuery, () => ({ status, deactivationRequested: stop.deactivated() }));

  const endsAt = input.endsAt ? new Date(input.endsAt).getTime() : undefined;
  const ended = () => endsAt !== undefined && Date.now() >= endsAt;

  if (!input.resumed && !(await recordCommitted('campaign', id))) {
    publishStatus('abandoned');
    return 'abandoned';
  }

  let failure: string | null = null;
  try {
    if (!input.resumed) {
      await stripe.createCampaignCoupon(id);
      await codes.prepareCampaignCodes(id);
    }
    while (!stop.deactivated() && !ended()) {
      const { remaining } = await codes.createCampaignCodeBatch(id, CODE_BATCH);
      if (remaining === 0) {
        if (await db.activateCampaign(id)) {
          status = 'active';
          publishStatus(status);
        } else stop.deactivate(); // the API deactivated it first; its signal is on the way
        break;
      }
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof campaignWorkflow>({ ...input, resumed: true });
      }
    }
  } catch (err) {
    failure = activityFailureMessage(err);
    stop.deactivate();
  }

  if (status === 'active') {
    // The end date is a real calendar instant; a deactivation signal cuts the wait short.
    if (endsAt !== undefined) await condition(() => stop.deactivated(), Math.max(endsAt - Date.now(), 1));
    else await condition(() => stop.deactivated());
  }
  const cause = stop.cause();
  status = stop.deactivated()
    ? await (cause ? db.deactivateCampaign(id, failure, cause) : db.deactivateCampaign(id, failure))
    : await db.closeCampaign(id, new Date(endsAt!).toISOString());
  await stripe.retireCampaignCoupon(id);
  publishStatus(status);
  await condition(allHandlersFinished);
  return status;
}
