import { heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { applyCommand, runBackfillBatch } from '../../src/aggregators/backfill';
import type { CommandRefusal } from '../../src/domain/aggregators/failures';
import type { AggregatorCommand } from '../../src/domain/aggregators/lifecycle';
import type { CommandResult } from '../../workflows/aggregators/aggregator-definitions';

export function createAggregatorActivities(deps: Pick<ActivityDeps, 'sql'>) {
  return {
    /** Applies one command to the integration (idempotent: a retry finds the change made). */
    /** `cause` says why in the audit entry when nobody asked through the API (`temporal_cancel`). */
    async applyAggregatorCommand(aggregatorId: string, command: AggregatorCommand, actor: string, cause?: string): Promise<CommandResult | { refused: CommandRefusal }> {
      return applyCommand(deps, aggregatorId, command, actor, cause);
    },

    /** One backfill batch of the current generation, heartbeating between its statements. */
    async runAggregatorBatch(aggregatorId: string, limit: number): Promise<{ changed: number; finished: boolean; elapsedMs: number }> {
      return runBackfillBatch(deps, aggregatorId, limit, () => heartbeat());
    },
  };
}

export type AggregatorActivities = ReturnType<typeof createAggregatorActivities>;
