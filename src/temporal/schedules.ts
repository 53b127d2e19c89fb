import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { KIND } from '../../workflows/platform/search-attribute-definitions';

export const PRUNE_IDEMPOTENCY_SCHEDULE_ID = 'platform-prune-idempotency';
/** Every 15 minutes: rows that say they are live while their workflow has ended (docs/temporal-ops.md). */
export const RECONCILE_SCHEDULE_ID = 'platform-reconcile';

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
  try {
    await client.schedule.create({
      scheduleId: idPrefix + RECONCILE_SCHEDULE_ID,
      spec: { intervals: [{ every: '15 minutes' }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'reconcileWorkflow',
        workflowId: idPrefix + 'platform-reconcile',
        taskQueue,
        typedSearchAttributes: [{ key: KIND, value: 'platform' }],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '15 minutes' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
