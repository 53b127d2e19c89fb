import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import { available, type CreationKind, type EntryKind, type EntrySource, type LedgerColumns, type Unit } from '../../domain/allotments/ledger';
import { OPEN_RESPONSE, type ClosedResponseStatus } from '../../domain/allotments/lifecycle';
import { AppError } from '../../errors';

export interface AllotmentRow extends LedgerColumns {
  organizationId: string;
  assessmentId: string;
  unit: Unit;
  available: number;
  nextReleaseAt: Date | null;
  /** Available at or below this (units) alerts the organization's managers once per crossing; null: off. */
  lowBalanceThreshold: number | null;
}

/**
 * The allotment row after a statement moved it, with what that statement crossed: the row's
 * trigger (migration 017) sets `movedToLow` when Available fell to the threshold or below while
 * armed (once per crossing, under the row lock) and `movedToZero` when it fell to 0.
 */
export interface MovedAllotment extends LedgerColumns {
  organizationId: string;
  assessmentId: string;
  lowBalanceThreshold: number | null;
  lowBalanceSeq: number;
  movedToLow: boolean;
  movedToZero: boolean;
}

const MOVED_COLUMNS = 'organization_id, assessment_id, allocated, invited, used, unexpired, expired, low_balance_threshold, low_balance_seq, moved_to_low, moved_to_zero';

const key = (organizationId: string, assessmentId: string) => ({ organizationId, assessmentId });

/** Who moved the columns and what for: the ledger entry's actor and references. */
export interface Movement {
  /** The audit trail's name for who did it (user:<id>, share_link:<id>, stripe:<event>, workflow:<id>). */
  actor: string;
  purchaseId?: string | null;
  responseId?: string | null;
  cohortId?: string | null;
  jobId?: string | null;
  /** Reservations only: how the responses came, or why the cohort was counted. */
  source?: EntrySource;
}

/**
 * The ledger entry of a movement, as the tail of the statement that moves the allotment row: the
 * statement's `moved` CTE answers the row after the UPDATE, so the entry holds exactly the columns
 * after it, written in the same statement under the same row lock.
 */
function entryOf(sql: Db, kind: EntryKind, units: postgres.Fragment | number, m: Movement) {
  return sql`
    insert into allotment_entries (organization_id, assessment_id, kind, units, actor, purchase_id, response_id, cohort_id, job_id, source,
                                   allocated, invited, used, unexpired, expired)
    select moved.organization_id, moved.assessment_id, ${kind}::text, ${units}::int, ${m.actor}::text, ${m.purchaseId ?? null}::uuid, ${m.responseId ?? null}::uuid,
           ${m.cohortId ?? null}::uuid, ${m.jobId ?? null}::uuid, ${m.source ?? null}::text,
           moved.allocated, moved.invited, moved.used, moved.unexpired, moved.expired
    from moved`;
}

/** The earliest instant an open invitation gives its unit back. */
async function nextReleaseAt(sql: Db, organizationId: string, assessmentId: string): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(expires_at) as at from responses
    where organization_id = ${organizationId} and assessment_id = ${assessmentId} and status = 'invited' and counted`;
  return row?.at ?? null;
}

export async function readLedger(sql: Db, organizationId: string, assessmentId: string): Promise<LedgerColumns> {
  const [row] = await sql<LedgerColumns[]>`
    select allocated, invited, used, unexpired, expired from allotments
    where organization_id = ${organizationId} and assessment_id = ${assessmentId}`;
  return row ?? { allocated: 0, invited: 0, used: 0, unexpired: 0, expired: 0 };
}

/**
 * Takes `units` from the allotment in one conditional UPDATE of its row: concurrent callers
 * serialise on the row lock and none can take more than is available (the table's CHECK is the
 * last guard). Responses become Unexpired until they complete or expire; cohorts are Used at once.
 * Callers run it last in their transaction, so the row lock lasts only until their COMMIT. An
 * organization with no allotment row yet has nothing available.
 * Refuses with ALLOTMENT_EXHAUSTED, explaining what holds the units and when the next frees.
 */
export async function reserveUnits(
  sql: Db,
  r: { organizationId: string; assessmentId: string; units: number; kind: CreationKind; publicCaller?: boolean; movement?: Movement & { source: EntrySource } },
): Promise<MovedAllotment | null> {
  if (r.units === 0) return null;
  // A caller that does not say who reserved (a benchmark, a script) is recorded as the system.
  const movement = r.movement ?? { actor: 'system', source: r.kind === 'cohort' ? 'cohort_created' : 'manual' };
  // Responses hold their unit as Unexpired until they close; cohorts are Used at once.
  const holds = r.kind === 'response' ? sql`unexpired = unexpired + ${r.units}` : sql`used = used + ${r.units}`;
  const [moved] = await sql<MovedAllotment[]>`
    with moved as (
      update allotments set invited = invited + ${r.units}, ${holds}
      where organization_id = ${r.organizationId} and assessment_id = ${r.assessmentId}
        and allocated - used - unexpired >= ${r.units}
      returning *),
    entry as (${entryOf(sql, 'reservation', r.units, movement)})
    select ${sql.unsafe(MOVED_COLUMNS)} from moved`;
  if (moved) return moved;
  const columns = await readLedger(sql, r.organizationId, r.assessmentId);
  const left = available(columns);
  if (r.publicCaller) {
    throw new AppError('ALLOTMENT_EXHAUSTED', 'This link cannot take new responses at the moment', { available: left });
  }
  const releaseAt = await nextReleaseAt(sql, r.organizationId, r.assessmentId);
  throw new AppError(
    'ALLOTMENT_EXHAUSTED',
    `This needs ${r.units} ${r.kind === 'cohort' ? 'cohort' : 'response'} unit(s) but ${left} are available. ` +
      `${columns.unexpired} are held by open invitations` +
      (releaseAt ? `; the next frees at ${releaseAt.toISOString()} unless completed. ` : '. ') +
      'Buy more or wait.',
    { available: left, requested: r.units, unexpired: columns.unexpired, nextReleaseAt: releaseAt?.toISOString() ?? null },
  );
}

/** Adds a purchase's units exactly once (the allocation row is keyed by the purchase): the row after, or null on a repeat. */
export async function allocatePurchaseUnits(
  sql: Db,
  a: { purchaseId: string; organizationId: string; assessmentId: string; units: number; actor: string },
): Promise<MovedAllotment | null> {
  const inserted = await sql`
    insert into allocations (purchase_id, organization_id, assessment_id, units)
    values (${a.purchaseId}, ${a.organizationId}, ${a.assessmentId}, ${a.units})
    on conflict (purchase_id) do nothing returning 1`;
  if (inserted.length === 0) return null;
  const [moved] = await sql<MovedAllotment[]>`
    with moved as (
      insert into allotments as a (organization_id, assessment_id, allocated) values (${a.organizationId}, ${a.assessmentId}, ${a.units})
      on conflict (organization_id, assessment_id) do update set allocated = a.allocated + excluded.allocated
      returning *),
    entry as (${entryOf(sql, 'allocation', a.units, { actor: a.actor, purchaseId: a.purchaseId })})
    select ${sql.unsafe(MOVED_COLUMNS)} from moved`;
  return moved!;
}

/**
 * Takes up to `units` back from the allotment after a refund or dispute: only what is available
 * (Allocated − Used − Unexpired), never units that respondents used or that open invitations hold.
 * One UPDATE of the row, locked first, so it serialises with reservations; the table's CHECK keeps
 * Available from going negative whatever happens. Answers how many it took.
 */
export async function takeBackUnits(
  sql: Db,
  t: { organizationId: string; assessmentId: string; units: number; kind: 'refund' | 'dispute'; purchaseId: string; actor: string },
): Promise<{ taken: number; moved: MovedAllotment | null }> {
  if (t.units <= 0) return { taken: 0, moved: null };
  // The entry is written only when units were taken: a refund that finds nothing available moves nothing.
  const [row] = await sql<(MovedAllotment & { taken: number })[]>`
    with moved as (
      update allotments a set allocated = a.allocated - t.taken
      from (select greatest(least(${t.units}::int, allocated - used - unexpired), 0) as taken from allotments
            where organization_id = ${t.organizationId} and assessment_id = ${t.assessmentId} for update) t
      where a.organization_id = ${t.organizationId} and a.assessment_id = ${t.assessmentId}
      returning a.*, t.taken),
    entry as (${entryOf(sql, t.kind, sql`moved.taken`, { actor: t.actor, purchaseId: t.purchaseId })} where moved.taken > 0)
    select taken, ${sql.unsafe(MOVED_COLUMNS)} from moved`;
  if (!row) return { taken: 0, moved: null };
  const { taken, ...moved } = row;
  return { taken, moved };
}


/**
 * Sets (or with null removes) an allotment's low-balance threshold, creating the row when nothing
 * was allocated yet; the trigger arms it when Available is above the new threshold.
 */
export async function setLowBalanceThreshold(sql: Db, organizationId: string, assessmentId: string, threshold: number | null): Promise<void> {
  await ensureAllotment(sql, organizationId, assessmentId);
  await sql`
    update allotments set low_balance_threshold = ${threshold}
    where organization_id = ${organizationId} and assessment_id = ${assessmentId}`;
}

/** Makes sure the allotment row exists so reservations have a row to lock. */
export async function ensureAllotment(sql: Db, organizationId: string, assessmentId: string): Promise<void> {
  await sql`insert into allotments ${sql(key(organizationId, assessmentId))} on conflict do nothing`;
}

// Where a closing response's unit goes: completed → Used for good, expired → Expired (and so
// back to Available, which subtracts only Used and Unexpired).
const CLOSINGS: Record<ClosedResponseStatus, { stamp: string; column: string; entry: EntryKind }> = {
  completed: { stamp: 'completed_at', column: 'used', entry: 'completion' },
  expired: { stamp: 'expired_at', column: 'expired', entry: 'expiry' },
};

/**
 * Closes one open response and moves its unit out of Unexpired, once: returns false when it
 * was not open (a retry, or the other transition won). Expiry also needs its instant reached.
 * Mirrors responseAllows (src/domain/allotments/lifecycle.ts); tests/allotments/transitions.e2e.test.ts holds it to the rule.
 */
export async function closeResponseInLedger(
  sql: Db,
  responseId: string,
  to: ClosedResponseStatus,
  at: Date,
  actor = `workflow:response-${responseId}`,
): Promise<boolean> {
  return (await closeResponseRow(sql, responseId, to, at, actor)) !== null;
}

/** A response closeResponseRow closed: whose it is. */
export interface ClosedResponse {
  organizationId: string;
  assessmentId: string;
  cohortId: string | null;
}

/** closeResponseInLedger, answering the closed response (null when it was not open). */
export async function closeResponseRow(
  sql: Db,
  responseId: string,
  to: ClosedResponseStatus,
  at: Date,
  actor = `workflow:response-${responseId}`,
): Promise<ClosedResponse | null> {
  const { stamp, column, entry } = CLOSINGS[to];
  const [r] = await sql<{ organizationId: string; assessmentId: string; cohortId: string | null; counted: boolean }[]>`
    update responses set status = ${to}, ${sql(stamp)} = ${at}
    where id = ${responseId} and status = ${OPEN_RESPONSE} ${to === 'expired' ? sql`and expires_at <= ${at}` : sql``}
    returning organization_id, assessment_id, cohort_id, counted`;
  if (!r) return null;
  if (r.counted) {
    await sql`
      with moved as (
        update allotments set ${sql(column)} = ${sql(column)} + 1, unexpired = unexpired - 1
        where organization_id = ${r.organizationId} and assessment_id = ${r.assessmentId}
        returning *)
      ${entryOf(sql, entry, 1, { actor, responseId, cohortId: r.cohortId })}`;
  }
  return { organizationId: r.organizationId, assessmentId: r.assessmentId, cohortId: r.cohortId };
}
