import { ApplicationFailure, CancelledFailure, cancellationSignal, heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { mapLimit } from '../../src/concurrency';
import { GroupImportFailure } from '../../src/domain/groups/failures';
import { finishImport, importRow, recordImportBatch } from '../../src/groups/imports';
import { groupById } from '../../src/repos/groups/groups';
import { importRowsAfter } from '../../src/repos/groups/imports';

const ROW_CONCURRENCY = 4;

export function createImportActivities(deps: Pick<ActivityDeps, 'sql' | 'stripe'>) {
  return {
    /**
     * Imports the next rows of a job: one customer + subscription per new address, nothing for
     * an address already in the group. Rows keep their outcome, so a retried batch (after a
     * crash or a Stripe outage) skips what is done and finishes what was half done.
     */
    async importGroupUsers(jobId: string, groupId: string, afterLine: number, limit: number): Promise<{ lastLine: number | null }> {
      const rows = await importRowsAfter(deps.sql, jobId, afterLine, limit);
      if (rows.length === 0) return { lastLine: null };
      const group = await groupById(deps.sql, groupId);
      if (!group) throw ApplicationFailure.nonRetryable(`group ${groupId} does not exist`, GroupImportFailure.GROUP_NOT_FOUND);
      await mapLimit(rows, ROW_CONCURRENCY, async (row) => {
        if (row.status !== 'pending') return;
        const signal = cancellationSignal();
        if (signal.aborted) throw new CancelledFailure(String(signal.reason ?? 'cancelled'));
        await importRow(deps, row, group);
        heartbeat({ line: row.line });
      });
      await recordImportBatch(deps, jobId);
      return { lastLine: rows.at(-1)!.line };
    },

    async finishGroupImport(jobId: string): Promise<{ created: number; existing: number; failed: number }> {
      return finishImport(deps, jobId);
    },
  };
}
