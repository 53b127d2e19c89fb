import { heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { recordAudit } from '../../src/repos/audit';
import { jobResponses } from '../../src/repos/allotments/responses';
import { finishJob, setJobProgress } from '../../src/repos/jobs';
import { mapLimit } from '../../src/concurrency';
import { startLifecycle } from '../../src/temporal/start';
import { responseWorkflowId } from '../../workflows/allotments/response-definitions';

/** How many workflow starts one activity keeps in flight; the benchmark's B1 uses the same. */
export const START_CONCURRENCY = 32;

export function createBulkInviteActivities({ sql, temporal, taskQueue }: Pick<ActivityDeps, 'sql' | 'temporal' | 'taskQueue'>) {
  return {
    /** Starts the invitation workflows of the next batch of a job; a retry re-finds started ones. */
    async startInvitationBatch(jobId: string, afterLine: number, limit: number): Promise<{ lastLine: number | null }> {
      const rows = await jobResponses(sql, jobId, afterLine, limit);
      if (rows.length === 0) return { lastLine: null };
      let done = 0;
      await mapLimit(rows, START_CONCURRENCY, async (r) => {
        await startLifecycle(temporal, 'responseWorkflow', {
          workflowId: responseWorkflowId(r.id),
          taskQueue,
          args: [{ responseId: r.id, expiresAt: r.expiresAt.toISOString() }] as never,
          kind: 'response',
          organizationId: r.organizationId,
          status: 'invited',
          reuse: true,
        });
        if (++done % 100 === 0) heartbeat(done);
      });
      const lastLine = rows[rows.length - 1]!.jobLine;
      const [count] = await sql<{ n: number }[]>`select count(*)::int as n from responses where job_id = ${jobId} and job_line <= ${lastLine}`;
      await setJobProgress(sql, jobId, count!.n, 0, []);
      return { lastLine };
    },

    async finishBulkInvite(jobId: string): Promise<void> {
      await sql.begin(async (tx) => {
        await finishJob(tx, jobId, 'completed');
        await recordAudit(tx, { actor: `workflow:job-${jobId}`, entity: 'job', entityId: jobId, action: 'complete', after: { status: 'completed' } });
      });
    },
  };
}
