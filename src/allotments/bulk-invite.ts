import { validateBulkCsv } from '../domain/allotments/bulk-csv';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { countJobResponsesThrough } from '../repos/allotments/responses';
import { finishJob, insertJob, setJobProgress, type Job } from '../repos/jobs';
import { startLifecycle } from '../temporal/start';
import { jobWorkflowId } from '../../workflows/allotments/bulk-invite-definitions';
import { resolveTarget } from './context';
import { defaultExpiry, reserveAndInsertResponses } from './create-responses';

export const MAX_BULK_ROWS = 50_000;

/**
 * Validates the whole file (bad rows by line number, nothing created), then in one transaction
 * starts the job that starts their workflows, inserts the responses and reserves every unit.
 */
export async function acceptBulkInvite(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>,
  principal: Principal,
  to: { organizationId: string; assessmentId: string },
  csv: string,
): Promise<Job> {
  const target = await resolveTarget(s.sql, principal, to.organizationId, to.assessmentId);
  const now = new Date();
  const { rows, errors } = validateBulkCsv(csv, now, MAX_BULK_ROWS);
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', `The file has ${errors.length} problem(s); nothing was created`, {
      errors: errors.slice(0, 1000).map((e) => ({ path: `line ${e.line}${e.field ? `.${e.field}` : ''}`, ...e })),
    });
  }
  const fallback = defaultExpiry(target.assessment, now);
  return s.sql.begin(async (tx) => {
    const job = await insertJob(tx, { kind: 'bulk_invite', organizationId: target.org.id, total: rows.length, createdBy: principal.userId });
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
      source: 'bulk',
      jobId: job.id,
      actor: actorOf(principal),
      respondents: rows.map((r) => ({ email: r.email, name: r.name, expiresAt: r.expiresAt ?? fallback, line: r.line })),
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
