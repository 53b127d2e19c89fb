// Reading allotments and their ledger entries, for lists and exports. What moves the columns is in ./ledger.ts.
import type { Db } from '../../db/connect';
import type { EntryKind, EntrySource, LedgerColumns } from '../../domain/allotments/ledger';
import type { Principal } from '../../domain/principal';
import { inScope } from '../scope';
import { assessmentInScope } from './access';
import type { AllotmentRow } from './ledger';

export async function listAllotments(
  sql: Db,
  principal: Principal,
  filter: { organizationId?: string; assessmentId?: string; after?: string; limit: number; onlyWhileEnabled?: boolean },
): Promise<AllotmentRow[]> {
  return sql<AllotmentRow[]>`
    select a.organization_id, a.assessment_id,
           case when s.pricing_by_cohort then 'cohort' else 'response' end as unit,
           a.allocated, a.invited, a.used, a.unexpired, a.expired,
           a.allocated - a.used - a.unexpired as available, a.low_balance_threshold,
           (select min(r.expires_at) from responses r
             where r.organization_id = a.organization_id and r.assessment_id = a.assessment_id
               and r.status = 'invited' and r.counted) as next_release_at
    from allotments a join assessments s on s.id = a.assessment_id
    where ${inScope(sql, principal, 'a.organization_id')} and ${assessmentInScope(sql, principal, 'a.assessment_id')}
      ${filter.organizationId ? sql`and a.organization_id = ${filter.organizationId}` : sql``}
      ${filter.assessmentId ? sql`and a.assessment_id = ${filter.assessmentId}` : sql``}
      ${filter.after ? sql`and (a.organization_id::text || ':' || a.assessment_id::text) > ${filter.after}` : sql``}
      ${filter.onlyWhileEnabled ? sql`and (select use_allotments from site_settings)` : sql``}
    order by a.organization_id::text || ':' || a.assessment_id::text
    limit ${filter.limit}`;
}

/** One movement of an allotment's columns, with the columns after it (allotment_entries). */
export interface LedgerEntry extends LedgerColumns {
  id: number;
  organizationId: string;
  assessmentId: string;
  at: Date;
  kind: EntryKind;
  units: number;
  actor: string;
  purchaseId: string | null;
  responseId: string | null;
  cohortId: string | null;
  jobId: string | null;
  source: EntrySource | null;
}

export interface EntryFilter {
  kind?: EntryKind;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
}

/** One allotment's entries, oldest first (the caller checked the allotment is in scope); `after` is an entry id. */
export async function listEntries(
  sql: Db,
  allotment: { organizationId: string; assessmentId: string },
  f: EntryFilter & { after?: string; limit: number },
): Promise<LedgerEntry[]> {
  return sql<LedgerEntry[]>`
    select e.id, e.organization_id, e.assessment_id, e.at, e.kind, e.units, e.actor, e.purchase_id, e.response_id, e.cohort_id, e.job_id, e.source,
           e.allocated, e.invited, e.used, e.unexpired, e.expired
    from allotment_entries e
    where e.organization_id = ${allotment.organizationId} and e.assessment_id = ${allotment.assessmentId}
      ${f.kind ? sql`and e.kind = ${f.kind}` : sql``}
      ${f.from ? sql`and e.at >= ${f.from}` : sql``}
      ${f.to ? sql`and e.at < ${f.to}` : sql``}
      ${f.after ? sql`and e.id > ${f.after}` : sql``}
    order by e.id limit ${f.limit}`;
}
