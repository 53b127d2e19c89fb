import { describe, expect, it } from 'vitest';
import { reserveAndInsertResponses } from '../../src/allotments/create-responses';
import { getAssessment } from '../../src/repos/allotments/assessments';
import { insertJob } from '../../src/repos/jobs';
import { organizationById } from '../../src/repos/organizations';
import { startLifecycle } from '../../src/temporal/start';
import { jobWorkflowId } from '../../workflows/allotments/bulk-invite-definitions';
import { partnerSuite, waitFor } from './world';

const ADMIN = { userId: 'x', tokenId: 'x', role: 'admin', organizationId: null, email: '', name: '' } as const;

describe('a workflow started inside a transaction that commits late', () => {
  const { s, w } = partnerSuite({ grant: 50 });

  it('waits for the commit, then starts every invitation', async () => {
    const org = (await organizationById(s.sql, w.organizationId))!;
    const assessment = await getAssessment(s.sql, ADMIN, w.assessmentId);
    const jobId = await s.sql.begin(async (tx) => {
      const job = await insertJob(tx, { kind: 'bulk_invite', organizationId: org.id, total: 20, createdBy: null });
      await reserveAndInsertResponses(tx, {
        org, assessment, source: 'bulk', jobId: job.id, actor: 'test',
        respondents: Array.from({ length: 20 }, (_, i) => ({ email: `late${i}@example.test`, name: 'Late', expiresAt: new Date(Date.now() + 86_400_000), line: i + 2 })),
      });
      const handle = await startLifecycle(s.client, 'bulkInviteWorkflow', { workflowId: jobWorkflowId(job.id), taskQueue: s.taskQueue, args: [{ jobId: job.id }], kind: 'job', organizationId: org.id, status: 'running' });
      // The transaction stays open until the workflow has looked for its job and not found it:
      // its commit check failed once and is being retried.
      await waitFor(() => handle.describe(), (d) => (d.raw.pendingActivities ?? []).some((a) => a.activityType?.name === 'awaitRecord' && (a.attempt ?? 0) >= 2), {
        what: 'the job workflow to retry its commit check while the transaction is open',
      });
      expect(await s.sql`select 1 from jobs where id = ${job.id}`).toHaveLength(0);
      return job.id;
    });
    const job = await waitFor(() => s.call('GET', `/v1/jobs/${jobId}`), (j) => j.body.status === 'completed');
    expect(job.body).toMatchObject({ status: 'completed', processed: 20 });
    const ids = await s.sql<{ id: string }[]>`select id from responses where job_id = ${jobId}`;
    expect(ids).toHaveLength(20);
    const states = await Promise.all(ids.map((r) => s.client.workflow.getHandle(`response-${r.id}`).describe().then((d) => d.status.name)));
    expect(states.filter((x) => x === 'RUNNING')).toHaveLength(20);
  });
});
