import type { Db } from '../../db/connect';
import { available, type CreationKind, type LedgerColumns, type Unit } from '../../domain/allotments/ledger';
import { OPEN_RESPONSE, type ClosedResponseStatus } from '../../domain/allotments/lifecycle';
import type { Principal } from '../../domain/principal';
import { AppError } from '../../errors';
import { inScope } from '../scope';
import { assessmentInScope } from './access';

export interface AllotmentRow extends LedgerColumns {
  organizationId: string;
  assessmentId: string;
  unit: Unit;
  available: number;
  nextReleaseAt: Date | null;
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
  r: { organizationId: string; assessmentId: string; units: number; kind: CreationKind; publicCaller?: boolean },
): Promise<void> {
  if (r.units === 0) return;
  const rows =
    r.kind === 'response'
      ? await sql`
          update allotments set invited = invited + ${r.units}, unexpired = unexpired + ${r.units}
          where organization_id = ${r.organizationId} and assessment_id = ${r.assessmentId}
            and allocated - used - unexpired >= ${r.units}
          returning 1`
      : await sql`
          update allotments set invited = invited + ${r.units}, used = used + ${r.units}
          where organization_id = ${r.organizationId} and assessment_id = ${r.assessmentId}
            and allocated - used - unexpired >= ${r.units}
          returning 1`;
  if (rows.length > 0) return;
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

/** Adds a purchase's units exactly once: the allocation row is keyed by the purchase. */
export async function allocatePurchaseUnits(
  sql: Db,
  a: { purchaseId: string; organizationId: string; assessmentId: string; units: number },
): Promise<boolean> {
  const inserted = await sql`
    insert into allocations (purchase_id, organization_id, assessment_id, units)
    values (${a.purchaseId}, ${a.organizationId}, ${a.assessmentId}, ${a.units})
    on conflict (purchase_id) do nothing returning 1`;
  if (inserted.length === 0) return false;
  await sql`
    insert into allotments as a (organization_id, assessment_id, allocated) values (${a.organizationId}, ${a.assessmentId}, ${a.units})
    on conflict (organization_id, assessment_id) do update set allocated = a.allocated + excluded.allocated`;
  return true;
}

/**
 * Takes up to `units` back from the allotment after a refund or dispute: only what is available
 * (Allocated − Used − Unexpired), never units that respondents used or that open invitations hold.
 * One UPDATE of the row, locked first, so it serialises with reservations; the table's CHECK keeps
 * Available from going negative whatever happens. Answers how many it took.
 */
export async function takeBackUnits(sql: Db, t: { organizationId: string; assessmentId: string; units: number }): Promise<number> {
  if (t.units <= 0) return 0;
  const [row] = await sql<{ taken: number }[]>`
    update allotments a set allocated = a.allocated - t.taken
    from (select greatest(least(${t.units}::int, allocated - used - unexpired), 0) as taken from allotments
          where organization_id = ${t.organizationId} and assessment_id = ${t.assessmentId} for update) t
    where a.organization_id = ${t.organizationId} and a.assessment_id = ${t.assessmentId}
    returning t.taken`;
  return row?.taken ?? 0;
}

const key = (organizationId: string, assessmentId: string) => ({ organizationId, assessmentId });

/** Makes sure the allotment row exists so reservations have a row to lock. */
export async function ensureAllotment(sql: Db, organizationId: string, assessmentId: string): Promise<void> {
  await sql`insert into allotments ${sql(key(organizationId, assessmentId))} on conflict do nothing`;
}

// Where a closing response's unit goes: completed → Used for good, expired → Expired (and so
// back to Available, which subtracts only Used and Unexpired).
const CLOSINGS: Record<ClosedResponseStatus, { stamp: string; column: string }> = {
  completed: { stamp: 'completed_at', column: 'used' },
  expired: { stamp: 'expired_at', column: 'expired' },
};

/**
 * Closes one open response and moves its unit out of Unexpired, once: returns false when it
 * was not open (a retry, or the other transition won). Expiry also needs its instant reached.
 * Mirrors responseAllows (src/domain/allotments/lifecycle.ts); tests/allotments/transitions.e2e.test.ts holds it to the rule.
 */
export async function closeResponseInLedger(sql: Db, responseId: string, to: ClosedResponseStatus, at: Date): Promise<boolean> {
  const { stamp, column } = CLOSINGS[to];
  const [r] = await sql<{ organizationId: string; assessmentId: string; counted: boolean }[]>`
    update responses set status = ${to}, ${sql(stamp)} = ${at}
    where id = ${responseId} and status = ${OPEN_RESPONSE} ${to === 'expired' ? sql`and expires_at <= ${at}` : sql``}
    returning organization_id, assessment_id, counted`;
  if (!r) return false;
  if (r.counted) {
    await sql`update allotments set ${sql(column)} = ${sql(column)} + 1, unexpired = unexpired - 1
              where organization_id = ${r.organizationId} and assessment_id = ${r.assessmentId}`;
  }
  return true;
}

export async function listAllotments(
  sql: Db,
  principal: Principal,
  filter: { organizationId?: string; assessmentId?: string; after?: string; limit: number },
): Promise<AllotmentRow[]> {
  return sql<AllotmentRow[]>`
    select a.organization_id, a.assessment_id,
           case when s.pricing_by_cohort then 'cohort' else 'response' end as unit,
           a.allocated, a.invited, a.used, a.unexpired, a.expired,
           a.allocated - a.used - a.unexpired as available,
           (select min(r.expires_at) from responses r
             where r.organization_id = a.organization_id and r.assessment_id = a.assessment_id
               and r.status = 'invited' and r.counted) as next_release_at
    from allotments a join assessments s on s.id = a.assessment_id
    where ${inScope(sql, principal, 'a.organization_id')} and ${assessmentInScope(sql, principal, 'a.assessment_id')}
      ${filter.organizationId ? sql`and a.organization_id = ${filter.organizationId}` : sql``}
      ${filter.assessmentId ? sql`and a.assessment_id = ${filter.assessmentId}` : sql``}
      ${filter.after ? sql`and (a.organization_id::text || ':' || a.assessment_id::text) > ${filter.after}` : sql``}
    order by a.organization_id::text || ':' || a.assessment_id::text
    limit ${filter.limit}`;
}
