import type { Principal } from '../domain/principal';
import type { Services } from '../platform/services';
import { listAllotments as readAllotments, type AllotmentRow } from '../repos/allotments/ledger';
import { assertAllotmentsEnabled } from './context';

export type { AllotmentRow };

/** The ledger per organization × assessment in the caller's scope, ordered by `organizationId:assessmentId`. */
export async function listAllotments(
  s: Pick<Services, 'sql'>,
  p: Principal,
  q: { organizationId?: string; assessmentId?: string; after?: string; limit: number },
): Promise<AllotmentRow[]> {
  await assertAllotmentsEnabled(s.sql);
  return readAllotments(s.sql, p, q);
}
