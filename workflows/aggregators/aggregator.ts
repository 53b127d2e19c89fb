import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { AggregatorActivities } from '../../activities/aggregators';
import { AggregatorFailure } from '../../src/domain/aggregators/failures';
import { BATCH, nextBatchSize, workflowTakesCommands } from '../../src/domain/aggregators/lifecycle';
import { heartbeatingBatches, TRANSACTION } from '../platform/activities';
import { cancelledAfterCleanUp, shieldFromTemporalCancel, TEMPORAL_CANCEL_CAUSE } from '../platform/cancellation';
import { recordCommitted } from '../platform/records';
import { publishStatus } from '../platform/status';
import {
  aggregatorProgressQuery,
  assignTariffUpdate,
  deactivateUpdate,
  unassignTariffUpdate,
  type AggregatorWorkflowInput,
  type CommandRequest,
  type CommandResult,
  type QueuedCommand,
} from './aggregator-definitions';

// Applying a command is one short transaction.
const commands = proxyActivities<AggregatorActivities>(TRANSACTION);
// A batch heartbeats between its statements, so a batch lost with its worker is retried within
// seconds rather than after the whole start-to-close timeout.
const batches = proxyActivities<AggregatorActivities>(
  heartbeatingBatches({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '15 seconds', initialInterval: '1 second', maximumInterval: '1 minute' }),
);
const INACTIVE = 'The integration is deactivated';
/**
 * A command that changes nothing (the same tariff again, or one applied again after a reset)
 * publishes the state the database answered, so a reset run's PartnerflowStatus says what the API
 * says. Executions recorded before said nothing then (tests/histories/aggregator-*.json).
 */
export const PUBLISH_UNCHANGED_STATE = 'publish-unchanged-state';

interface Pending extends QueuedCommand {
  /** Why, in the audit entry, when nobody asked through the API (a Temporal cancellation). */
  cause?: string;
  result?: CommandResult;
  error?: string;
}

/**
 * One aggregator integration for its whole life (`aggregator-<id>`). Commands (assign, unassign,
 * deactivate) arrive as updates and are applied one at a time between backfill batches, so a
 * batch never overlaps a change of tariff; each change starts a backfill that walks every
 * profile of the aggregator in resumable batches. Deactivation is final: its cleanup runs, then
 * the workflow ends.
 *
 * `temporal workflow cancel` is a deactivation too (as the API's, audited as this workflow's
 * with `cause: 'temporal_cancel'`): it is queued like one, its cleanup runs, then the workflow
 * ends Canceled.
 */
export async function aggregatorWorkflow(input: AggregatorWorkflowInput): Promise<'inactive' | 'abandoned'> {
  const { aggregatorId } = input;
  let working = input.resume?.working ?? false;
  let batchSize = input.resume?.batchSize ?? BATCH.first;
  let deactivated = input.resume?.deactivated ?? false;
  const queue: Pending[] = [];
  let cancelledInTemporal = false;
  const shield = shieldFromTemporalCancel(() => {
    cancelledInTemporal = true;
    if (deactivated) return;
    deactivated = true;
    queue.push({ command: { type: 'deactivate' }, actor: `workflow:aggregator-${aggregatorId}`, cause: TEMPORAL_CANCEL_CAUSE });
  });
  const ended = await shield.run(() => aggregatorLifecycle());
  if (cancelledInTemporal && ended === 'inactive') throw cancelledAfterCleanUp('the integration is deactivated and its cleanup done');
  return ended;

  async function aggregatorLifecycle(): Promise<'inactive' | 'abandoned'> {
    const refuseWhenDeactivated = (_request: CommandRequest) => {
      if (!workflowTakesCommands(deactivated ? 'inactive' : 'active')) throw ApplicationFailure.nonRetryable(INACTIVE, AggregatorFailure.INACTIVE);
    };
    const enqueue = async (entry: Pending): Promise<CommandResult> => {
      queue.push(entry);
      await condition(() => entry.result !== undefined || entry.error !== undefined);
      if (entry.error) throw ApplicationFailure.nonRetryable(entry.error, AggregatorFailure.INACTIVE);
      return entry.result!;
    };

    setHandler(aggregatorProgressQuery, () => ({ working, batchSize, queued: queue.length, deactivated }));
    setHandler(assignTariffUpdate, ({ tariffId, actor }) => shield.run(() => enqueue({ command: { type: 'assign', tariffId }, actor })), { validator: refuseWhenDeactivated });
    setHandler(unassignTariffUpdate, ({ actor }) => shield.run(() => enqueue({ command: { type: 'unassign' }, actor })), { validator: refuseWhenDeactivated });
    setHandler(
      deactivateUpdate,
      ({ actor }) => {
        // Later commands are refused from the moment deactivation is accepted.
        deactivated = true;
        return shield.run(() => enqueue({ command: { type: 'deactivate' }, actor }));
      },
      { validator: refuseWhenDeactivated },
    );

    if (!input.resume && !(await recordCommitted('aggregator', aggregatorId))) {
      publishStatus('abandoned');
      return 'abandoned';
    }

    for (;;) {
      const next = queue.shift();
      if (next) {
        const applied = next.cause
          ? await commands.applyAggregatorCommand(aggregatorId, next.command, next.actor, next.cause)
          : await commands.applyAggregatorCommand(aggregatorId, next.command, next.actor);
        if ('refused' in applied) {
          next.error = INACTIVE;
        } else {
          next.result = applied;
          if (applied.changed) {
            working = true;
            batchSize = BATCH.first;
            publishStatus(applied.state);
          } else if (patched(PUBLISH_UNCHANGED_STATE)) {
            publishStatus(applied.state);
          }
        }
        continue;
      }
      if (working) {
        const batch = await batches.runAggregatorBatch(aggregatorId, batchSize);
        batchSize = nextBatchSize(batchSize, batch.elapsedMs);
        if (batch.finished) {
          working = false;
          publishStatus(deactivated ? 'inactive' : 'done');
        }
      } else if (deactivated) {
        break;
      } else {
        await condition(() => queue.length > 0 || workflowInfo().continueAsNewSuggested);
      }
      if (workflowInfo().continueAsNewSuggested && queue.length === 0) {
        // Updates being answered finish first; a command arriving meanwhile is applied before moving on.
        await condition(() => queue.length > 0 || allHandlersFinished());
        if (queue.length === 0) {
          await continueAsNew<typeof aggregatorWorkflow>({ aggregatorId, resume: { working, batchSize, deactivated } });
        }
      }
    }
    await condition(allHandlersFinished);
    return 'inactive';
  }
}
