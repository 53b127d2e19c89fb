import { unitOf, unitsFor } from '../domain/allotments/ledger';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { getAssessment } from '../repos/allotments/assessments';
import { getCohort, insertCohort, listCohorts as readCohorts, listShareLinks as readShareLinks, type Cohort, type ShareLinkRow } from '../repos/allotments/cohorts';
import { reserveUnits } from '../repos/allotments/ledger';
import { announceMovement } from './alerts';
import type { ResponseRow } from '../repos/allotments/responses';
import { isMetered, resolveTarget } from './context';
import { createResponses, expiryFor } from './create-responses';

export type { Cohort, ShareLinkRow };

/** The cohorts of an assessment (404 unless the caller may see it) in the caller's organizations, newest first. */
export async function listCohorts(
  s: Pick<Services, 'sql'>,
  p: Principal,
  assessmentId: string,
  q: { organizationId?: string; q?: string; after?: string; limit: number },
): Promise<Cohort[]> {
  const assessment = await getAssessment(s.sql, p, assessmentId);
  return readCohorts(s.sql, p, assessment.id, q);
}

/** The share links of an assessment (404 unless the caller may see it) in the caller's organizations, newest first; never their tokens. */
export async function listShareLinks(
  s: Pick<Services, 'sql'>,
  p: Principal,
  assessmentId: string,
  q: { organizationId?: string; cohortId?: string; revoked?: boolean; after?: string; limit: number },
): Promise<ShareLinkRow[]> {
  const assessment = await getAssessment(s.sql, p, assessmentId);
  return readShareLinks(s.sql, p, assessment.id, q);
}

/** When the assessment is priced by cohort, a cohort is Used at creation (and never expires). */
export function createCohort(s: Pick<Services, 'sql'>, p: Principal, assessmentId: string, input: { organizationId: string; name: string }): Promise<Cohort> {
  return s.sql.begin(async (tx) => {
    const { org, assessment } = await resolveTarget(tx, p, input.organizationId, assessmentId);
    const units = (await isMetered(tx, org)) ? unitsFor('cohort', 1, unitOf(assessment.pricingByCohort)) : 0;
    const created = await insertCohort(tx, { assessmentId: assessment.id, organizationId: org.id, name: input.name, counted: units > 0, createdBy: p.userId });
    await recordAudit(tx, { actor: actorOf(p), entity: 'cohort', entityId: created.id, action: 'create', organizationId: org.id, after: created });
    // Last, so the allotment row is locked only for the UPDATE and the COMMIT (a refusal rolls the cohort back).
    const moved = await reserveUnits(tx, {
      organizationId: org.id, assessmentId: assessment.id, units, kind: 'cohort',
      movement: { actor: actorOf(p), source: 'cohort_created', cohortId: created.id },
    });
    await announceMovement(tx, moved, 'cohort');
    return created;
  });
}

/** One response per respondent of the cohort; each e-mail at most once per request. */
export async function inviteToCohort(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'logger'>,
  p: Principal,
  cohortId: string,
  input: { respondents: { email: string; name: string }[]; expiresAt?: string; notify?: boolean },
): Promise<ResponseRow[]> {
  const cohort = await getCohort(s.sql, p, cohortId);
  const target = await resolveTarget(s.sql, p, cohort.organizationId, cohort.assessmentId);
  const expiresAt = expiryFor(target.assessment, input.expiresAt);
  const emails = input.respondents.map((r) => r.email);
  const dup = emails.findIndex((e, i) => emails.indexOf(e) !== i);
  if (dup >= 0) throw new AppError('VALIDATION_FAILED', `Duplicate respondent ${emails[dup]}`, { errors: [{ path: `respondents.${dup}.email`, message: 'duplicate' }] });
  return createResponses(s, {
    ...target, cohort, source: 'cohort', actor: actorOf(p), notify: input.notify,
    respondents: input.respondents.map((r) => ({ ...r, expiresAt })),
  });
}
