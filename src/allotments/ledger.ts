import type { EntryKind } from '../domain/allotments/ledger';
import { actorOf, type Principal } from '../domain/principal';
import { notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import type { Services } from '../platform/services';
import { setLowBalanceThreshold, type AllotmentRow } from '../repos/allotments/ledger';
import { listAllotments as readAllotments, listEntries, type LedgerEntry } from '../repos/allotments/ledger-reads';
import { assertAllotmentsEnabled, resolveTarget } from './context';

export type { AllotmentRow, LedgerEntry };

/** The ledger per organization × assessment in the caller's scope, ordered by `organizationId:assessmentId`. */
export async function listAllotments(
  s: Pick<Services, 'sql'>,
  p: Principal,
  q: { organizationId?: string; assessmentId?: string; after?: string; limit: number },
): Promise<AllotmentRow[]> {
  // One statement on the hot path: rows can only come back while allotments are on, so the
  // setting is read apart only to tell "switched off" (409) from an empty page.
  const rows = await readAllotments(s.sql, p, { ...q, onlyWhileEnabled: true });
  if (rows.length === 0) await assertAllotmentsEnabled(s.sql);
  return rows;
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

/**
 * Changes an allotment's settings: `lowBalanceThreshold` (units; null switches the alert off).
 * Admins and managers of the organization (in scope, else 404). When Available later falls to the
 * threshold or below, one allotment.low_balance event is recorded and the organization's managers
 * are e-mailed; a threshold set at or above the current Available waits for Available to rise
 * above it first (it alerts on a crossing, not on a state).
 */
export async function updateAllotment(
  s: Pick<Services, 'sql'>,
  p: Principal,
  allotment: { organizationId: string; assessmentId: string },
  patch: { lowBalanceThreshold?: number | null },
): Promise<AllotmentRow> {
  await assertAllotmentsEnabled(s.sql);
  const { org, assessment } = await resolveTarget(s.sql, p, allotment.organizationId, allotment.assessmentId);
  await s.sql.begin(async (tx) => {
    if (patch.lowBalanceThreshold !== undefined) await setLowBalanceThreshold(tx, org.id, assessment.id, patch.lowBalanceThreshold);
    await recordAudit(tx, { actor: actorOf(p), entity: 'allotment', entityId: `${org.id}:${assessment.id}`, action: 'update', organizationId: org.id, after: patch });
  });
  const [row] = await readAllotments(s.sql, p, { organizationId: org.id, assessmentId: assessment.id, limit: 1 });
  if (!row) throw notFound('Allotment');
  return row;
}
