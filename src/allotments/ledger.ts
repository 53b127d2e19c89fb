import type { EntryKind } from '../domain/allotments/ledger';
import type { Principal } from '../domain/principal';
import type { Services } from '../platform/services';
import { listAllotments as readAllotments, listEntries, type AllotmentRow, type LedgerEntry } from '../repos/allotments/ledger';
import { assertAllotmentsEnabled, resolveTarget } from './context';

export type { AllotmentRow, LedgerEntry };

/** The ledger per organization × assessment in the caller's scope, ordered by `organizationId:assessmentId`. */
export async function listAllotments(
  s: Pick<Services, 'sql'>,
  p: Principal,
  q: { organizationId?: string; assessmentId?: string; after?: string; limit: number },
): Promise<AllotmentRow[]> {
  await assertAllotmentsEnabled(s.sql);
  return readAllotments(s.sql, p, q);
}

/**
 * Every movement of one allotment, oldest first, with who made it and the columns after it: why
 * Available is what it is. The organization and the assessment must be in the caller's scope
 * (404 otherwise, as for any of their objects); an allotment nothing has moved yet has no entries.
 */
export async function listLedgerEntries(
  s: Pick<Services, 'sql'>,
  p: Principal,
  allotment: { organizationId: string; assessmentId: string },
  q: { kind?: EntryKind; from?: string; to?: string; after?: string; limit: number },
): Promise<LedgerEntry[]> {
  await assertAllotmentsEnabled(s.sql);
  const { org, assessment } = await resolveTarget(s.sql, p, allotment.organizationId, allotment.assessmentId);
  return listEntries(s.sql, { organizationId: org.id, assessmentId: assessment.id }, {
    kind: q.kind, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, after: q.after, limit: q.limit,
  });
}
