import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { afterFirstWorkflowTask } from './history';

/**
 * `temporal workflow reset -w <id> --event-id <n>` as the CLI sends it, with n the first
 * WorkflowTaskCompleted event of the current run (the earliest point a reset can go back to, so
 * every activity after it runs again). Answers the new run's id.
 */
export async function resetToFirstWorkflowTask(client: Client, workflowId: string): Promise<string> {
  const handle = client.workflow.getHandle(workflowId);
  const { runId } = await handle.describe();
  // A run just started (or handed over) may not have completed its first task yet on a busy machine.
  const events = await afterFirstWorkflowTask(client.workflow.getHandle(workflowId, runId));
  const first = events.find((e) => e.workflowTaskCompletedEventAttributes)!;
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

/** Whether the run's history holds a cancellation request (ops' `temporal workflow cancel`). */
export async function cancelRequested(handle: WorkflowHandle): Promise<boolean> {
  return (await handle.fetchHistory()).events?.some((e) => e.workflowExecutionCancelRequestedEventAttributes) ?? false;
}

/**
 * `temporal workflow cancel` sent before the workflow has run a task: with the worker stopped,
 * `create` makes the thing (through the API, as a user would) and answers what the test needs of
 * it; the cancellation of `workflowIdOf(that)` is requested; the worker starts again whatever
 * happened. Answers `create`'s value and the workflow's handle, for what the test then checks.
 */
export async function cancelBeforeItRuns<T>(
  s: { client: Client; stopWorker(): Promise<void>; startWorker(): Promise<void> },
  create: () => Promise<T>,
  workflowIdOf: (created: T) => string,
): Promise<{ created: T; handle: WorkflowHandle }> {
  await s.stopWorker();
  let created: T;
  try {
    created = await create();
    await s.client.workflow.getHandle(workflowIdOf(created)).cancel();
  } finally {
    await s.startWorker();
  }
  return { created, handle: s.client.workflow.getHandle(workflowIdOf(created)) };
}
