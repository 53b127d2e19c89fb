import type { Principal } from '../domain/principal';
import { actorOf } from '../domain/principal';
import { validateBulkCsv } from '../domain/allotments/bulk-csv';
import { AppError } from '../errors';
import type { Assessment } from '../repos/allotments/assessments';
import { insertJob, type Job } from '../repos/jobs';
import type { Organization } from '../repos/organizations';
import { startLifecycle } from '../temporal/start';
import { jobWorkflowId } from '../../workflows/allotments/bulk-invite';
import type { AllotmentServices } from './context';
import { defaultExpiry, reserveAndInsertResponses } from './create-responses';

export const MAX_BULK_ROWS = 50_000;

/**
 * Validates the whole file (bad rows by line number, nothing created), then in one transaction
 * reserves every unit, inserts the responses and starts the job that starts their workflows.
 */
export async function acceptBulkInvite(
  services: AllotmentServices,
  principal: Principal,
  target: { org: Organization; assessment: Assessment },
  csv: string,
): Promise<Job> {
  const now = new Date();
  const { rows, errors } = validateBulkCsv(csv, now, MAX_BULK_ROWS);
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', `The file has ${errors.length} problem(s); nothing was created`, {
      errors: errors.slice(0, 1000).map((e) => ({ path: `line ${e.line}${e.field ? `.${e.field}` : ''}`, ...e })),
    });
  }
  const fallback = defaultExpiry(target.assessment, now);
  return services.sql.begin(async (tx) => {
    const job = await insertJob(tx, { kind: 'bulk_invite', organizationId: target.org.id, total: rows.length, createdBy: principal.userId });
    await reserveAndInsertResponses(tx, {
      ...target,
      source: 'bulk',
      jobId: job.id,
      actor: actorOf(principal),
      respondents: rows.map((r) => ({ email: r.email, name: r.name, expiresAt: r.expiresAt ?? fallback, line: r.line })),
    });
    await startLifecycle(services.temporal, 'bulkInviteWorkflow', {
      workflowId: jobWorkflowId(job.id),
      taskQueue: services.taskQueue,
      args: [{ jobId: job.id }],
      kind: 'job',
      organizationId: target.org.id,
      status: 'running',
    });
    return job;
  });
}
