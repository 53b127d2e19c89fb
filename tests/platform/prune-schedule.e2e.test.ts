import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimIdempotencyKey } from '../../src/repos/idempotency';
import { ensureSchedules, PRUNE_IDEMPOTENCY_SCHEDULE_ID, RECONCILE_SCHEDULE_ID } from '../../src/temporal/schedules';
import type { TestDatabase } from '../support/db';
import { resetToFirstWorkflowTask } from '../support/reset';
import { startTestStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/wait';

const claim = (sql: TestDatabase['sql'], key: string) =>
  claimIdempotencyKey(sql, { principal: 'user:test', key, method: 'POST', path: '/v1/x', requestHash: 'h' });

const keys = async (sql: TestDatabase['sql']) =>
  (await sql<{ key: string }[]>`select key from idempotency_records order by key`).map((r) => r.key);

describe('the hourly Temporal Schedule (dev server)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.close());

  it('is created once, runs hourly, and its run prunes only records older than 24 hours', async () => {
    const prefix = `${stack.taskQueue}-`;
    await ensureSchedules(stack.client, stack.taskQueue, prefix);
    await ensureSchedules(stack.client, stack.taskQueue, prefix); // a second worker start changes nothing
    const handle = stack.client.schedule.getHandle(prefix + PRUNE_IDEMPOTENCY_SCHEDULE_ID);
    const description = await handle.describe();
    expect(description.spec.intervals?.[0]?.every).toBe(60 * 60 * 1000);

    await claim(stack.sql, 'fresh');
    await claim(stack.sql, 'stale');
    await stack.sql`update idempotency_records set created_at = now() - interval '25 hours' where key = 'stale'`;

    await handle.trigger();
    await waitFor(() => keys(stack.sql), (k) => !k.includes('stale'), { what: 'the triggered run to prune the stale record', everyMs: 200 });
    expect(await keys(stack.sql)).toEqual(['fresh']);
    await handle.delete();
    await stack.client.schedule.getHandle(prefix + RECONCILE_SCHEDULE_ID).delete();
  });
  it('a pruning run reset to its first workflow task prunes again and touches nothing fresh', async () => {
    await claim(stack.sql, 'kept');
    await claim(stack.sql, 'old');
    await stack.sql`update idempotency_records set created_at = now() - interval '25 hours' where key = 'old'`;
    const id = `${stack.taskQueue}-prune-reset`;
    await stack.client.workflow.execute('pruneIdempotencyWorkflow', { taskQueue: stack.taskQueue, workflowId: id });
    expect(await keys(stack.sql)).not.toContain('old');
    const runId = await resetToFirstWorkflowTask(stack.client, id);
    await stack.client.workflow.getHandle(id, runId).result();
    expect(await keys(stack.sql)).toContain('kept');
    expect(await keys(stack.sql)).not.toContain('old');
  });
});
