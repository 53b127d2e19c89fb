import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import { isBackfilling, terminationReason, type BackfillMode } from '../../domain/aggregators/lifecycle';
import type { Aggregator } from './aggregators';

export interface BatchResult {
  /** False when the generation was superseded (or already finished): nothing was written. */
  ran: boolean;
  /** Profiles this batch moved to the target (contract created, terminated or profile detached). */
  changed: number;
  finished: boolean;
  cursor: string | null;
}

/**
 * One set-based batch of a backfill: the next `limit` profiles of the aggregator after the
 * stored cursor, in id order. Everything (contracts, profiles, cursor, progress) commits together,
 * so a retried or resumed batch starts where the last committed one ended and never counts twice.
 * The final conditional update refuses (and rolls back) if another batch moved the cursor meanwhile.
 */
export async function runBatch(tx: Db, agg: Aggregator, limit: number, progress: () => void = () => {}): Promise<BatchResult> {
  const { id, cursor, mode } = agg;
  if (!isBackfilling(agg.state)) return { ran: false, changed: 0, finished: true, cursor };
  const after = cursor ? tx`and p.id > ${cursor}` : tx``;
  // The batch's upper bound: the limit-th profile after the cursor; none means this is the last batch.
  const [bound] = await tx<{ id: string }[]>`
    select p.id from profiles p where p.aggregator_id = ${id} ${after} order by p.id offset ${limit - 1} limit 1`;
  const last = bound?.id ?? null;
  progress();
  const range = (col: string) => tx`${cursor ? tx`and ${tx(col)} > ${cursor}` : tx``} ${last ? tx`and ${tx(col)} <= ${last}` : tx``}`;

  const terminated = await terminate(tx, agg, mode!, range('c.profile_id'));
  progress();
  let changed = terminated;
  if (mode === 'assign') {
    const inserted = await tx`
      insert into contracts (profile_id, tariff_id, aggregator_id)
      select p.id, ${agg.tariffId}, ${id} from profiles p
      where p.aggregator_id = ${id} ${range('p.id')}
      order by p.id
      on conflict (aggregator_id, profile_id) where status = 'active' and aggregator_id is not null do nothing`;
    changed = inserted.count;
  } else if (mode === 'deactivate') {
    const detached = await tx`
      update profiles p set aggregator_id = null, updated_at = now()
      where p.aggregator_id = ${id} ${range('p.id')}`;
    changed = detached.count;
  }

  progress();
  const finished = last === null;
  const next = last ?? cursor;
  const moved = await tx`
    update aggregators set
      cursor = ${next}, profiles_done = profiles_done + ${changed}, updated_at = now(),
      state = case when ${finished} then 'done' else state end
    where id = ${id} and generation = ${agg.generation} and cursor is not distinct from ${cursor}::uuid
    returning 1`;
  if (moved.length === 0) throw new BatchRaceError(id);
  return { ran: true, changed, finished, cursor: next };
}

async function terminate(tx: Db, agg: Aggregator, mode: BackfillMode, range: postgres.PendingQuery<postgres.Row[]>) {
  const res = await tx`
    update contracts c set status = 'terminated', terminated_at = now(), termination_reason = ${terminationReason(mode)}
    where c.aggregator_id = ${agg.id} and c.status = 'active'
      ${mode === 'assign' ? tx`and c.tariff_id <> ${agg.tariffId}` : tx``}
      ${range}`;
  return res.count;
}

/** Another attempt of the same batch committed first; the retry re-reads the cursor. */
export class BatchRaceError extends Error {
  constructor(aggregatorId: string) {
    super(`aggregator ${aggregatorId}: the backfill cursor moved during this batch`);
    this.name = 'BatchRaceError';
  }
}
