import type { Db } from '../db/connect';
import { recordAudit } from '../repos/audit';
import { markCohortsCounted } from '../repos/allotments/cohorts';
import { ensureAllotment, reserveUnits } from '../repos/allotments/ledger';
import { announceMovement } from './alerts';
import type { CreateResponsesInput } from './create-responses';

/**
 * Seed 002: "A cohort is counted as Used as soon as it is created" and "Every method of creating a
 * response or cohort counts against the allotment". A cohort created while its organization was
 * not metered (allotments off, or the organization not buying them) was counted nothing; once the
 * organization is metered and the assessment is priced by cohort, it would let any number of
 * responses in for free. So it is counted at its first use under metering: the first request that
 * creates responses in it takes its cohort unit (refused whole with ALLOTMENT_EXHAUSTED when none
 * is available), and it is counted for good from then on.
 */
export async function countCohortsAtFirstMeteredUse(tx: Db, input: CreateResponsesInput): Promise<void> {
  const ids = [...new Set([input.cohort?.id, ...input.respondents.map((r) => r.cohortId)].filter((id): id is string => !!id))];
  const { org, assessment } = input;
  const counted = await markCohortsCounted(tx, ids, org.id, assessment.id);
  if (counted.length === 0) return;
  await ensureAllotment(tx, org.id, assessment.id);
  const moved = await reserveUnits(tx, {
    organizationId: org.id, assessmentId: assessment.id, units: counted.length, kind: 'cohort', publicCaller: input.publicCaller,
    movement: { actor: input.actor, source: 'cohort_first_use', cohortId: counted.length === 1 ? counted[0] : null },
  });
  await announceMovement(tx, moved, 'cohort');
  for (const id of counted) {
    await recordAudit(tx, { actor: input.actor, entity: 'cohort', entityId: id, action: 'count', organizationId: org.id, after: { counted: true, reason: 'first use since metering started' } });
  }
}
