import { ApplicationFailure, CancelledFailure, cancellationSignal, heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { mapLimit } from '../../src/concurrency';
import { isPermanentStripeError } from '../../src/platform/stripe';
import { reserveGroupUser } from '../../src/groups/enrol';
import { provisionSubscription, releaseSubscription } from '../../src/groups/provision';
import { recordAudit } from '../../src/repos/audit';
import { groupById, type Group } from '../../src/repos/groups/groups';
import { importProgress, importRowsAfter, setImportRow, type StoredImportRow } from '../../src/repos/groups/imports';
import { liveGroupUser } from '../../src/repos/groups/subscriptions';
import { finishJob, setJobProgress } from '../../src/repos/jobs';

const ROW_CONCURRENCY = 4;

export function createImportActivities({ sql, stripe }: Pick<ActivityDeps, 'sql' | 'stripe'>) {
  /** Reserves the row's subscription once (the row remembers it), or finds the address already in. */
  async function reserve(row: StoredImportRow, group: Group): Promise<string | undefined> {
    if (row.subscriptionId) return row.subscriptionId;
    return sql.begin(async (tx) => {
      const sub = await reserveGroupUser(tx, { group, email: row.email, name: row.name, source: 'import', jobId: row.jobId, actor: `workflow:job-${row.jobId}` });
      if (sub) {
        await setImportRow(tx, row.jobId, row.line, { status: 'pending', subscriptionId: sub.id });
        return sub.id;
      }
      const existing = await liveGroupUser(tx, group.id, row.email);
      await setImportRow(tx, row.jobId, row.line, { status: 'existing', subscriptionId: existing?.id ?? null });
      return undefined;
    });
  }

  async function importRow(row: StoredImportRow, group: Group): Promise<void> {
    const subscriptionId = await reserve(row, group);
    if (!subscriptionId) return;
    try {
      const outcome = await provisionSubscription({ sql, stripe }, subscriptionId);
      await setImportRow(sql, row.jobId, row.line, outcome === 'active' ? { status: 'created' } : { status: 'failed', error: 'stripe: the subscription was released' });
    } catch (err) {
      if (!isPermanentStripeError(err)) throw err;
      const message = `stripe: ${(err as Error).message}`;
      await releaseSubscription({ sql, stripe }, subscriptionId, message);
      await setImportRow(sql, row.jobId, row.line, { status: 'failed', error: message });
    }
  }

  return {
    /**
     * Imports the next rows of a job: one customer + subscription per new address, nothing for
     * an address already in the group. Rows keep their outcome, so a retried batch (after a
     * crash or a Stripe outage) skips what is done and finishes what was half done.
     */
    async importGroupUsers(jobId: string, groupId: string, afterLine: number, limit: number): Promise<{ lastLine: number | null }> {
      const rows = await importRowsAfter(sql, jobId, afterLine, limit);
      if (rows.length === 0) return { lastLine: null };
      const group = await groupById(sql, groupId);
      if (!group) throw ApplicationFailure.nonRetryable(`group ${groupId} does not exist`, 'GroupNotFound');
      await mapLimit(rows, ROW_CONCURRENCY, async (row) => {
        if (row.status !== 'pending') return;
        const signal = cancellationSignal();
        if (signal.aborted) throw new CancelledFailure(String(signal.reason ?? 'cancelled'));
        await importRow(row, group);
        heartbeat({ line: row.line });
      });
      const progress = await importProgress(sql, jobId);
      await setJobProgress(sql, jobId, progress.processed, progress.failed, progress.errors);
      return { lastLine: rows.at(-1)!.line };
    },

    async finishGroupImport(jobId: string): Promise<{ created: number; existing: number; failed: number }> {
      const progress = await importProgress(sql, jobId);
      const [job] = await sql<{ organizationId: string | null }[]>`select organization_id from jobs where id = ${jobId}`;
      await sql.begin(async (tx) => {
        await setJobProgress(tx, jobId, progress.processed, progress.failed, progress.errors);
        await finishJob(tx, jobId, 'completed');
        await recordAudit(tx, {
          actor: `workflow:job-${jobId}`, entity: 'job', entityId: jobId, action: 'complete', organizationId: job?.organizationId ?? null,
          after: { status: 'completed', created: progress.created, existing: progress.existing, failed: progress.failed },
        });
      });
      return { created: progress.created, existing: progress.existing, failed: progress.failed };
    },
  };
}
