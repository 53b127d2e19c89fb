import type { Db } from '../../db/connect';
import type { AggregatorState, AggregatorStatus, BackfillMode, Plan } from '../../domain/aggregators/lifecycle';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, keysetPage, type Page } from '../list';
import { inScope } from '../scope';

export interface Aggregator {
  id: string;
  organizationId: string;
  name: string;
  status: AggregatorStatus;
  tariffId: string | null;
  state: AggregatorState;
  mode: BackfillMode | null;
  generation: number;
  cursor: string | null;
  profilesTotal: number;
  profilesDone: number;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
}

const columns = (sql: Db) => sql`
  a.id, a.organization_id, a.name, a.status, a.tariff_id, a.state, a.mode, a.generation, a.cursor,
  a.profiles_total, a.profiles_done, a.created_at, a.updated_at, a.deactivated_at`;

export async function insertAggregator(sql: Db, a: { organizationId: string; name: string; createdBy: string | null }): Promise<Aggregator> {
  const [row] = await sql<Aggregator[]>`
    insert into aggregators as a (organization_id, name, created_by) values (${a.organizationId}, ${a.name}, ${a.createdBy})
    returning ${columns(sql)}`;
  return row!;
}

export async function aggregatorById(sql: Db, id: string, o: { lock?: boolean } = {}): Promise<Aggregator | undefined> {
  const [row] = await sql<Aggregator[]>`select ${columns(sql)} from aggregators a where a.id = ${id} ${o.lock ? sql`for no key update` : sql``}`;
  return row;
}

export async function getAggregator(sql: Db, principal: Principal, id: string): Promise<Aggregator> {
  const [row] = await sql<Aggregator[]>`select ${columns(sql)} from aggregators a where a.id = ${id} and ${inScope(sql, principal, 'a.organization_id')}`;
  if (!row) throw notFound('Aggregator');
  return row;
}

/** The optional filters of the integrations list. */
export type AggregatorFilter = Page & { organizationId?: string; status?: AggregatorStatus };

export async function listAggregators(sql: Db, principal: Principal, q: AggregatorFilter): Promise<Aggregator[]> {
  return sql<Aggregator[]>`
    select ${columns(sql)} from aggregators a
    where ${inScope(sql, principal, 'a.organization_id')} ${andEqual(sql, { 'a.organization_id': q.organizationId, 'a.status': q.status })}
    ${keysetPage(sql, 'a.id', q)}`;
}

/**
 * How many of the aggregator's profiles are already where a backfill of `mode` would take them
 * (`done`) and how many it would still change (`pending`); also the dry runs' answer.
 */
export async function backfillCounts(sql: Db, aggregatorId: string, mode: BackfillMode, tariffId: string | null) {
  // Two single-table counts on their own indexes, no join: a join planned on stale statistics
  // (right after a backfill wrote 100 000 contracts) can turn into a nested loop of seq scans.
  // An active contract of the aggregator always belongs to one of its profiles (profiles are
  // detached only by deactivation, after their contracts are terminated).
  const [row] = await sql<{ total: number; onTariff: number; withContract: number }[]>`
    select (select count(*) from profiles p where p.aggregator_id = ${aggregatorId})::int as total,
           count(*) filter (where c.tariff_id = ${tariffId}::uuid)::int as on_tariff,
           count(*)::int as with_contract
    from contracts c where c.aggregator_id = ${aggregatorId} and c.status = 'active'`;
  const { total, onTariff, withContract } = row!;
  // Assign: done = already on the tariff. Unassign: done = no contract left. Deactivate: nobody is detached yet.
  const done = mode === 'assign' ? onTariff : mode === 'unassign' ? total - withContract : 0;
  return { total, done, pending: total - done, contractsToTerminate: mode === 'assign' ? withContract - onTariff : withContract };
}

/** Writes a planned change and resets the progress to a new generation. Call with the row locked. */
export async function applyChange(sql: Db, id: string, plan: Extract<Plan, { kind: 'change' }>, counts: { total: number; done: number }): Promise<Aggregator> {
  const [row] = await sql<Aggregator[]>`
    update aggregators a set
      status = ${plan.status}, tariff_id = ${plan.tariffId}, state = ${plan.state}, mode = ${plan.mode},
      generation = generation + 1, cursor = null, profiles_total = ${counts.total}, profiles_done = ${counts.done},
      deactivated_at = case when ${plan.status} = 'inactive' then coalesce(deactivated_at, now()) end,
      updated_at = now()
    where a.id = ${id}
    returning ${columns(sql)}`;
  return row!;
}

/**
 * Counts a new profile of the aggregator, which is created with its final contract, and answers
 * the tariff to give it. The row lock orders the creation against a concurrent change of tariff.
 */
export async function admitAggregatorProfile(sql: Db, id: string, organizationId: string) {
  const [row] = await sql<{ status: AggregatorStatus; tariffId: string | null }[]>`
    update aggregators set profiles_total = profiles_total + 1, profiles_done = profiles_done + 1
    where id = ${id} and organization_id = ${organizationId}
    returning status, tariff_id`;
  return row;
}
