import type { WorkflowHandle } from '@temporalio/client';
import { waitFor } from './wait';

/** The activity types a workflow execution scheduled, in order, read from its event history. */
export async function scheduledActivities(handle: Pick<WorkflowHandle, 'fetchHistory'>): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
    return name ? [name] : [];
  });
}

/** The run's history events once it has completed a workflow task (a reset's earliest point, a run past its start). */
export async function afterFirstWorkflowTask(handle: Pick<WorkflowHandle, 'fetchHistory' | 'workflowId'>) {
  return waitFor(
    async () => (await handle.fetchHistory()).events ?? [],
    (events) => events.some((e) => e.workflowTaskCompletedEventAttributes),
    { what: `${handle.workflowId} to complete its first workflow task` },
  );
}
