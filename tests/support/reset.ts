import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';

/**
 * `temporal workflow reset -w <id> --event-id <n>` as the CLI sends it, with n the first
 * WorkflowTaskCompleted event of the current run (the earliest point a reset can go back to, so
 * every activity after it runs again). Answers the new run's id.
 */
export async function resetToFirstWorkflowTask(client: Client, workflowId: string): Promise<string> {
  const handle = client.workflow.getHandle(workflowId);
  const { runId } = await handle.describe();
  const events = (await handle.fetchHistory()).events ?? [];
  const first = events.find((e) => e.workflowTaskCompletedEventAttributes);
  if (!first) throw new Error(`${workflowId} has no completed workflow task to reset to`);
  const answer = await client.workflowService.resetWorkflowExecution({
    namespace: client.options.namespace,
    workflowExecution: { workflowId, runId },
    workflowTaskFinishEventId: first.eventId,
    reason: 'repair test: reset to the first workflow task',
    requestId: randomUUID(),
  });
  if (!answer.runId) throw new Error(`the reset of ${workflowId} answered no run`);
  return answer.runId;
}
