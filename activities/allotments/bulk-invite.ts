import { Context, heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { finishBulkInvite, recordBulkInviteProgress } from '../../src/allotments/bulk-invite';
import { startInvitation } from '../../src/allotments/invitations';
import { jobResponses } from '../../src/repos/allotments/responses';
import { mapLimit } from '../../src/concurrency';

/** How many workflow starts one activity keeps in flight; the benchmark's B1 uses the same. */
export const START_CONCURRENCY = 32;

/** Rows per progress checkpoint (a heartbeat and the job's `processed`). */
export const INVITATION_BATCH = 500;

export function createBulkInviteActivities(deps: Pick<ActivityDeps, 'sql' | 'temporal' | 'taskQueue'>) {
  const activities = {
    /**
     * Starts every invitation workflow of a job, batch after batch, in one activity: a workflow
     * round trip per batch would queue behind the invitations it just started. The position is
     * checkpointed in the heartbeat, so a retry after a crash resumes at the last finished batch.
     */
    async startJobInvitations(jobId: string, afterLine: number): Promise<{ lastLine: number }> {
      const resumed = Context.current().info.heartbeatDetails as { lastLine: number } | undefined;
      let lastLine = Math.max(afterLine, resumed?.lastLine ?? 0);
      for (;;) {
        const batch = await activities.startInvitationBatch(jobId, lastLine, INVITATION_BATCH);
        if (batch.lastLine === null) return { lastLine };
        lastLine = batch.lastLine;
        heartbeat({ lastLine });
      }
    },

    /** Starts the invitation workflows of the next batch of a job; a retry re-finds started ones. */
    async startInvitationBatch(jobId: string, afterLine: number, limit: number): Promise<{ lastLine: number | null }> {
      const rows = await jobResponses(deps.sql, jobId, afterLine, limit);
      if (rows.length === 0) return { lastLine: null };
      let done = 0;
      const cancelled = Context.current().cancellationSignal;
      await mapLimit(rows, START_CONCURRENCY, async (r) => {
        // A worker shutting down cancels us: stop here, the retry resumes at the checkpoint.
        cancelled.throwIfAborted();
        await startInvitation(deps, r);
        if (++done % 100 === 0) heartbeat({ lastLine: afterLine });
      });
      const lastLine = rows[rows.length - 1]!.jobLine;
      await recordBulkInviteProgress(deps, jobId, lastLine);
      return { lastLine };
    },

    finishBulkInvite: (jobId: string): Promise<void> => finishBulkInvite(deps, jobId),
  };
  return activities;
}
