import type { Db } from '../db/connect';
import { importFromJson, parseImportCsv, type ParsedImport } from '../domain/groups/imports';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { isPermanentStripeError } from '../platform/stripe';
import { recordAudit } from '../repos/audit';
import { getGroup, type Group } from '../repos/groups/groups';
import {
  allImportRows,
  importOrganization,
  importProgress,
  insertImport,
  isImportOf,
  setImportRow,
  type StoredImportRow,
} from '../repos/groups/imports';
import { liveGroupUser } from '../repos/groups/subscriptions';
import { finishJob, getJob, insertJob, setJobProgress, type Job } from '../repos/jobs';
import { importJobWorkflowId } from '../../workflows/groups/import-definitions';
import { assertFreeUsersPlan } from './claims';
import { reserveGroupUser } from './enrol';
import { NothingToProvision, provisionSubscription, releaseSubscription } from './provision';
import { startGroupWorkflow } from './start';
import { requireGroupStripe } from './stripe';

/** A list as it arrived: text/csv with header `email,name`, or the JSON users. */
export type ImportList = { csv: string } | { users: { email: string; name: string }[] };

const parse = (list: ImportList): ParsedImport => ('csv' in list ? parseImportCsv(list.csv) : importFromJson(list.users));

/**
 * Accepts a list of users: whole-list problems (header, size) refuse it; bad rows become failed
 * rows of the job and the others are imported. The job row, its rows and its workflow are created
 * in one transaction.
 */
export async function acceptImport(s: Pick<Services, 'sql' | 'stripe' | 'temporal' | 'taskQueue'>, p: Principal, groupId: string, list: ImportList): Promise<Job> {
  requireGroupStripe(s.stripe);
  const parsed = parse(list);
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
    const progress = await recordImportProgress(tx, job.id);
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'job', entityId: job.id, action: 'create', organizationId: group.organizationId,
      after: { kind: 'group_import', groupId: group.id, total: rows.length, invalid: progress.failed },
    });
    await startGroupWorkflow(s, group, 'groupImportWorkflow', {
      workflowId: importJobWorkflowId(job.id), args: [{ jobId: job.id, groupId: group.id }], kind: 'job', status: 'running',
    });
    return job.id;
  });
  return getJob(s.sql, p, jobId);
}

/** The job with every row's outcome (created, existing, failed, pending) for one import. */
export async function importResults(s: Pick<Services, 'sql'>, p: Principal, groupId: string, jobId: string) {
  const group = await getGroup(s.sql, p, groupId);
  if (!(await isImportOf(s.sql, jobId, group.id))) throw new AppError('NOT_FOUND', 'Import not found');
  const job = await getJob(s.sql, p, jobId);
  const counts = await importProgress(s.sql, job.id);
  return { ...job, created: counts.created, existing: counts.existing, rows: await allImportRows(s.sql, job.id) };
}

/** Copies the rows' outcomes onto the job as absolute counts, so a retried batch never counts twice. */
async function recordImportProgress(sql: Db, jobId: string) {
  const progress = await importProgress(sql, jobId);
  await setJobProgress(sql, jobId, progress.processed, progress.failed, progress.errors);
  return progress;
}

const importActor = (jobId: string) => `workflow:job-${jobId}`;

/** Reserves the row's subscription once (the row remembers it), or finds the address already in. */
async function reserveRow(s: Pick<Services, 'sql'>, row: StoredImportRow, group: Group): Promise<string | undefined> {
  if (row.subscriptionId) return row.subscriptionId;
  return s.sql.begin(async (tx) => {
    const sub = await reserveGroupUser(tx, { group, email: row.email, name: row.name, source: 'import', jobId: row.jobId, actor: importActor(row.jobId) });
    if (sub) {
      await setImportRow(tx, row.jobId, row.line, { status: 'pending', subscriptionId: sub.id });
      return sub.id;
    }
    const existing = await liveGroupUser(tx, group.id, row.email);
    await setImportRow(tx, row.jobId, row.line, { status: 'existing', subscriptionId: existing?.id ?? null });
    return undefined;
  });
}

/**
 * Imports one pending row: one customer + subscription for a new address, nothing for an address
 * already in the group. A Stripe refusal is the row's outcome (failed, the reservation released);
 * an outage throws, and the retried row finishes what was half done.
 */
export async function importRow(s: Pick<Services, 'sql' | 'stripe'>, row: StoredImportRow, group: Group): Promise<void> {
  const subscriptionId = await reserveRow(s, row, group);
  if (!subscriptionId) return;
  try {
    const outcome = await provisionSubscription(s, subscriptionId);
    await setImportRow(s.sql, row.jobId, row.line, outcome === 'active' ? { status: 'created' } : { status: 'failed', error: 'stripe: the subscription was released' });
  } catch (err) {
    if (!isPermanentStripeError(err) && !(err instanceof NothingToProvision)) throw err;
    const message = err instanceof NothingToProvision ? err.message : `stripe: ${(err as Error).message}`;
    await releaseSubscription(s, subscriptionId, message);
    await setImportRow(s.sql, row.jobId, row.line, { status: 'failed', error: message });
  }
}

/** The job's progress after a batch of rows. */
export async function recordImportBatch(s: Pick<Services, 'sql'>, jobId: string): Promise<void> {
  await recordImportProgress(s.sql, jobId);
}

/** Completes the job with its final counts, audited. */
export async function finishImport(s: Pick<Services, 'sql'>, jobId: string): Promise<{ created: number; existing: number; failed: number }> {
  const progress = await importProgress(s.sql, jobId);
  const organizationId = await importOrganization(s.sql, jobId);
  await s.sql.begin(async (tx) => {
    await setJobProgress(tx, jobId, progress.processed, progress.failed, progress.errors);
    await finishJob(tx, jobId, 'completed');
    await recordAudit(tx, {
      actor: importActor(jobId), entity: 'job', entityId: jobId, action: 'complete', organizationId,
      after: { status: 'completed', created: progress.created, existing: progress.existing, failed: progress.failed },
    });
  });
  return { created: progress.created, existing: progress.existing, failed: progress.failed };
}
