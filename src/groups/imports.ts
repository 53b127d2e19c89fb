import type { ParsedImport } from '../domain/groups/imports';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import { recordAudit } from '../repos/audit';
import { getGroup } from '../repos/groups/groups';
import { allImportRows, importProgress, insertImport, isImportOf } from '../repos/groups/imports';
import { getJob, insertJob, setJobProgress, type Job } from '../repos/jobs';
import { startLifecycle } from '../temporal/start';
import { GROUP_ID } from '../../workflows/platform/search-attribute-definitions';
import { importJobWorkflowId } from '../../workflows/groups/import-definitions';
import { assertFreeUsersPlan } from './claims';
import { requireStripe, type GroupServices } from './context';

/**
 * Accepts a list of users: whole-list problems (header, size) refuse it; bad rows become failed
 * rows of the job and the others are imported. The job row, its rows and its workflow are created
 * in one transaction.
 */
export async function acceptImport(s: GroupServices, p: Principal, groupId: string, parsed: ParsedImport): Promise<Job> {
  requireStripe(s.stripe);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', 'The list cannot be imported; nothing was created', {
      errors: parsed.errors.map((e) => ({ path: `line ${e.line}`, line: e.line, message: e.message })),
    });
  }
  const { rows } = parsed;
  const jobId = await s.sql.begin(async (tx) => {
    const group = await getGroup(tx, p, groupId);
    await assertFreeUsersPlan(tx, group, 'An import');
    const job = await insertJob(tx, { kind: 'group_import', organizationId: group.organizationId, total: rows.length, createdBy: p.userId });
    await insertImport(tx, job.id, group.id, rows);
    const progress = await importProgress(tx, job.id);
    await setJobProgress(tx, job.id, progress.processed, progress.failed, progress.errors);
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'job', entityId: job.id, action: 'create', organizationId: group.organizationId,
      after: { kind: 'group_import', groupId: group.id, total: rows.length, invalid: progress.failed },
    });
    await startLifecycle(s.temporal, 'groupImportWorkflow', {
      workflowId: importJobWorkflowId(job.id),
      taskQueue: s.taskQueue,
      args: [{ jobId: job.id, groupId: group.id }],
      kind: 'job',
      organizationId: group.organizationId,
      status: 'running',
      searchAttributes: [{ key: GROUP_ID, value: group.id }],
    });
    return job.id;
  });
  return getJob(s.sql, p, jobId);
}

/** The job with every row's outcome (created, existing, failed, pending) for one import. */
export async function importResults(s: Pick<GroupServices, 'sql'>, p: Principal, groupId: string, jobId: string) {
  const group = await getGroup(s.sql, p, groupId);
  if (!(await isImportOf(s.sql, jobId, group.id))) throw new AppError('NOT_FOUND', 'Import not found');
  const job = await getJob(s.sql, p, jobId);
  const counts = await importProgress(s.sql, job.id);
  return { ...job, created: counts.created, existing: counts.existing, rows: await allImportRows(s.sql, job.id) };
}
