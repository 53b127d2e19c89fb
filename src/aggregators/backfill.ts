// The integration workflow's side of the lifecycle: applying a command and walking the profiles.
import type { CommandRefusal } from '../domain/aggregators/failures';
import { planCommand, type AggregatorCommand } from '../domain/aggregators/lifecycle';
import type { Services } from '../platform/services';
import { recordEvent } from '../platform/events';
import { recordAudit } from '../repos/audit';
import { aggregatorById, applyChange, backfillCounts } from '../repos/aggregators/aggregators';
import { runBatch } from '../repos/aggregators/backfill';
import type { CommandResult } from '../../workflows/aggregators/aggregator-definitions';

const workflowActor = (aggregatorId: string) => `workflow:aggregator-${aggregatorId}`;

/**
 * Applies one command under the aggregator's row lock (profile creations wait on it, so each
 * gets the tariff before or after the change, never a mix). Idempotent: a retry after the
 * commit finds the change made and answers `changed: false` with the same state.
 */
export async function applyCommand(s: Pick<Services, 'sql'>, aggregatorId: string, command: AggregatorCommand, actor: string, cause?: string): Promise<CommandResult | { refused: CommandRefusal }> {
  return s.sql.begin(async (tx) => {
    const agg = await aggregatorById(tx, aggregatorId, { lock: true });
    if (!agg) throw new Error(`aggregator ${aggregatorId} does not exist`);
    const plan = planCommand(agg, command);
    if (plan.kind === 'refuse') return { refused: plan.reason };
    if (plan.kind === 'noop') {
      return { changed: false, status: agg.status, state: agg.state, tariffId: agg.tariffId, generation: agg.generation };
    }
    const counts = await backfillCounts(tx, aggregatorId, plan.mode, plan.tariffId);
    const after = await applyChange(tx, aggregatorId, plan, counts);
    await recordAudit(tx, {
      actor, entity: 'aggregator', entityId: aggregatorId, action: command.type, organizationId: agg.organizationId,
      before: { status: agg.status, tariffId: agg.tariffId, state: agg.state },
      after: { status: after.status, tariffId: after.tariffId, state: after.state, generation: after.generation, profilesTotal: after.profilesTotal, profilesDone: after.profilesDone, ...(cause && { cause }) },
    });
    const ref = { aggregatorId, organizationId: agg.organizationId };
    if (command.type === 'assign') await recordEvent(tx, { type: 'aggregator.tariff_assigned', organizationId: agg.organizationId, data: { ...ref, tariffId: command.tariffId } });
    if (command.type === 'deactivate') {
      // Final from now on; the walk that follows terminates these contracts (aggregator.backfill_completed, mode deactivate).
      await recordEvent(tx, { type: 'aggregator.deactivated', organizationId: agg.organizationId, data: { ...ref, contractsTerminated: counts.contractsToTerminate } });
    }
    return { changed: true, status: after.status, state: after.state, tariffId: after.tariffId, generation: after.generation };
  });
}

/** One backfill batch of the current generation, audited; `elapsedMs` sizes the next one. */
export async function runBackfillBatch(
  s: Pick<Services, 'sql'>,
  aggregatorId: string,
  limit: number,
  progress: () => void,
): Promise<{ changed: number; finished: boolean; elapsedMs: number }> {
  const started = Date.now();
  const result = await s.sql.begin(async (tx) => {
    const agg = await aggregatorById(tx, aggregatorId);
    if (!agg) throw new Error(`aggregator ${aggregatorId} does not exist`);
    const batch = await runBatch(tx, agg, limit, progress);
    if (batch.ran && (batch.changed > 0 || batch.finished)) {
      await recordAudit(tx, {
        actor: workflowActor(aggregatorId), entity: 'aggregator', entityId: aggregatorId,
        action: batch.finished ? `${agg.mode}_finished` : `${agg.mode}_batch`, organizationId: agg.organizationId,
        after: { generation: agg.generation, changed: batch.changed, cursor: batch.cursor },
      });
    }
    if (batch.ran && batch.finished) {
      const done = (await aggregatorById(tx, aggregatorId))!;
      await recordEvent(tx, {
        type: 'aggregator.backfill_completed', organizationId: agg.organizationId,
        data: { aggregatorId, organizationId: agg.organizationId, tariffId: done.tariffId, profilesDone: done.profilesDone, ...(agg.mode && { mode: agg.mode }) },
      });
    }
    return batch;
  });
  return { changed: result.changed, finished: result.finished, elapsedMs: Date.now() - started };
}
