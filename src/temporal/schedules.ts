import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { KIND } from '../../workflows/platform/search-attribute-definitions';

export const PRUNE_IDEMPOTENCY_SCHEDULE_ID = 'platform-prune-idempotency';

/** Creates the platform's schedules if missing; safe to call from every worker start. */
export async function ensureSchedules(client: Client, taskQueue: string, idPrefix = ''): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: idPrefix + PRUNE_IDEMPOTENCY_SCHEDULE_ID,
      spec: { intervals: [{ every: '1 hour' }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'pruneIdempotencyWorkflow',
        workflowId: idPrefix + 'platform-prune-idempotency',
        taskQueue,
        typedSearchAttributes: [{ key: KIND, value: 'platform' }],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
