import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { getAssessment, type Assessment } from '../repos/allotments/assessments';
import { cohortOf } from '../repos/allotments/cohorts';
import { findOrganization, type Organization } from '../repos/organizations';
import { getSettings } from '../repos/settings';

export interface Target {
  org: Organization;
  assessment: Assessment;
}

export async function assertAllotmentsEnabled(sql: Db): Promise<void> {
  if (!(await getSettings(sql)).useAllotments) {
    throw new AppError('ALLOTMENTS_DISABLED', 'Allotments are switched off in the site settings (useAllotments)');
  }
}

/**
 * An organization's responses are metered while the site uses allotments and the organization
 * buys them; otherwise they are created freely and never counted.
 */
export async function isMetered(sql: Db, org: Pick<Organization, 'responseAllotment'>): Promise<boolean> {
  return org.responseAllotment === 'can_be_purchased' && (await getSettings(sql)).useAllotments;
}

/** The organization and assessment a caller acts on, both in the caller's scope (else 404). */
export async function resolveTarget(sql: Db, principal: Principal, organizationId: string, assessmentId: string): Promise<Target> {
  // Both reads at once (an unknown assessment still answers first, as it always has).
  const [assessment, org] = await Promise.all([getAssessment(sql, principal, assessmentId), findOrganization(sql, principal, organizationId)]);
  if (!org) throw notFound('Organization');
  return { org, assessment };
}

/** A cohort of the target's organization and assessment (else 404). */
export async function cohortOfTarget(sql: Db, target: Target, cohortId: string): Promise<{ id: string }> {
  const cohort = await cohortOf(sql, cohortId, target.org.id, target.assessment.id);
  if (!cohort) throw notFound('Cohort');
  return cohort;
}
