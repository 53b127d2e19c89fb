import { validateBulkCsv, type BulkRow, type LineError } from '../domain/allotments/bulk-csv';
import { unitOf } from '../domain/allotments/ledger';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { cohortsOf } from '../repos/allotments/cohorts';
import { countJobResponsesThrough } from '../repos/allotments/responses';
import { finishJob, insertJob, setJobProgress, type Job } from '../repos/jobs';
import { startLifecycle } from '../temporal/start';
import { jobWorkflowId } from '../../workflows/allotments/bulk-invite-definitions';
import { cohortOfTarget, isMetered, resolveTarget, type Target } from './context';
import { defaultExpiry, reserveAndInsertResponses } from './create-responses';

export const MAX_BULK_ROWS = 50_000;

const lineErrors = (errors: LineError[]) => errors.slice(0, 1000).map((e) => ({ path: `line ${e.line}${e.field ? `.${e.field}` : ''}`, ...e }));

/**
 * Every row's cohort (its `cohortId` column, else the request's) must be a cohort of the target's
 * organization and assessment; when the assessment is priced by cohort and the organization is
 * metered, every row needs one (seed 002: "CSV uploads via Bulk Invite" count like every path).
 */
async function checkCohorts(sql: Services['sql'], target: Target, rows: BulkRow[], requestCohort: string | undefined): Promise<void> {
  const named = [...new Set(rows.flatMap((r) => (r.cohortId ? [r.cohortId] : [])))];
  const known = await cohortsOf(sql, named, target.org.id, target.assessment.id);
  const unknown = rows.filter((r) => r.cohortId && !known.has(r.cohortId)).map((r) => ({ line: r.line, field: 'cohortId', message: 'no such cohort of this organization and assessment' }));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `The file names ${unknown.length} unknown cohort(s); nothing was created`, { errors: lineErrors(unknown) });
  if (requestCohort || unitOf(target.assessment.pricingByCohort) !== 'cohort' || !(await isMetered(sql, target.org))) return;
  const without = rows.filter((r) => !r.cohortId).map((r) => ({ line: r.line, field: 'cohortId', message: 'required when the assessment is priced by cohort' }));
  if (without.length) {
    throw new AppError('UNPROCESSABLE', 'This assessment is priced by cohort: send ?cohortId= or a cohortId column for every row', { errors: lineErrors(without) });
  }
}

/**
 * Validates the whole file (bad rows by line number, nothing created), then in one transaction
 * starts the job that starts their workflows, inserts the responses and reserves every unit.
 * Rows go into the request's cohort (`?cohortId=`) unless their `cohortId` column names another.
 */
export async function acceptBulkInvite(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>,
  principal: Principal,
  to: { organizationId: string; assessmentId: string; cohortId?: string; notify?: boolean },
  csv: string,
): Promise<Job> {
  const target = await resolveTarget(s.sql, principal, to.organizationId, to.assessmentId);
  const cohort = to.cohortId ? await cohortOfTarget(s.sql, target, to.cohortId) : null;
  const now = new Date();
  const { rows, errors } = validateBulkCsv(csv, now, MAX_BULK_ROWS);
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', `The file has ${errors.length} problem(s); nothing was created`, { errors: lineErrors(errors) });
  }
  await checkCohorts(s.sql, target, rows, cohort?.id);
  const fallback = defaultExpiry(target.assessment, now);
  return s.sql.begin(async (tx) => {
    const job = await insertJob(tx, { kind: 'bulk_invite', organizationId: target.org.id, assessmentId: target.assessment.id, total: rows.length, createdBy: principal.userId });
    // Started before the reservation (it waits for this commit), so the allotment row is locked
    // only for the reservation and the COMMIT; a refusal leaves it `abandoned`.
    await startLifecycle(s.temporal, 'bulkInviteWorkflow', {
      workflowId: jobWorkflowId(job.id),
      taskQueue: s.taskQueue,
      args: [{ jobId: job.id }],
      kind: 'job',
      organizationId: target.org.id,
      status: 'running',
    });
    await reserveAndInsertResponses(tx, {
      ...target,
      cohort,
      source: 'bulk',
      notify: to.notify,
      jobId: job.id,
      actor: actorOf(principal),
      respondents: rows.map((r) => ({ email: r.email, name: r.name, expiresAt: r.expiresAt ?? fallback, line: r.line, cohortId: r.cohortId ?? null })),
    });
    return job;
  });
}

/** The job's `processed`: every response up to `lastLine` has its invitation started. */
export async function recordBulkInviteProgress(s: Pick<Services, 'sql'>, jobId: string, lastLine: number): Promise<void> {
  await setJobProgress(s.sql, jobId, await countJobResponsesThrough(s.sql, jobId, lastLine), 0, []);
}

export async function finishBulkInvite(s: Pick<Services, 'sql'>, jobId: string): Promise<void> {
  await s.sql.begin(async (tx) => {
    await finishJob(tx, jobId, 'completed');
    await recordAudit(tx, { actor: `workflow:job-${jobId}`, entity: 'job', entityId: jobId, action: 'complete', after: { status: 'completed' } });
  });
}
