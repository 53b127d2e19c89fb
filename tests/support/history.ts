import type { WorkflowHandle } from '@temporalio/client';

/** The activity types a workflow execution scheduled, in order, read from its event history. */
export async function scheduledActivities(handle: Pick<WorkflowHandle, 'fetchHistory'>): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
    return name ? [name] : [];
  });
}
