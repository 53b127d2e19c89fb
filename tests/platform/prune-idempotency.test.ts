import { randomBytes } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPlatformActivities } from '../../activities/platform/idempotency';
import { createLogger } from '../../src/logger';
import { claimIdempotencyKey } from '../../src/repos/idempotency';
import { ensureSchedules, PRUNE_IDEMPOTENCY_SCHEDULE_ID } from '../../src/temporal/schedules';
import { pruneIdempotencyWorkflow } from '../../workflows/platform/prune-idempotency';
import { freshDatabase, type TestDatabase } from '../support/db';
import { startTestStack, type TestStack } from '../support/stack';
import { createTimeSkippingEnv } from '../support/time-skipping';

const claim = (sql: TestDatabase['sql'], key: string) =>
  claimIdempotencyKey(sql, { principal: 'user:test', key, method: 'POST', path: '/v1/x', requestHash: 'h' });

const keys = async (sql: TestDatabase['sql']) =>
  (await sql<{ key: string }[]>`select key from idempotency_records order by key`).map((r) => r.key);

describe('idempotency records are pruned after 24 hours (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  beforeAll(async () => {
    [env, db] = await Promise.all([createTimeSkippingEnv(), freshDatabase()]);
  });
  afterAll(async () => {
    await env?.teardown();
    await db?.drop();
  });

  it('keeps a record 23 hours old and prunes it at 25 hours', async () => {
    // The record's created_at is the database's clock; the workflow's clock is the test server's.
    await claim(db.sql, 'old-enough-soon');
    const taskQueue = `prune-${randomBytes(4).toString('hex')}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createPlatformActivities({ sql: db.sql, logger: createLogger('silent') } as never),
    });
    const result = await worker.runUntil(async () => {
      await env.sleep('23 hours');
      const early = await env.client.workflow.execute(pruneIdempotencyWorkflow, { taskQueue, workflowId: `prune-early-${taskQueue}` });
      const afterEarly = await keys(db.sql);
      await env.sleep('2 hours');
      const late = await env.client.workflow.execute(pruneIdempotencyWorkflow, { taskQueue, workflowId: `prune-late-${taskQueue}` });
      return { early, afterEarly, late, afterLate: await keys(db.sql) };
    });
    expect(result.early.pruned).toBe(0);
    expect(result.afterEarly).toEqual(['old-enough-soon']);
    expect(result.late.pruned).toBe(1);
    expect(result.afterLate).toEqual([]);
  });
});

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
    const deadline = Date.now() + 30_000;
    while ((await keys(stack.sql)).includes('stale') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await keys(stack.sql)).toEqual(['fresh']);
    await handle.delete();
  });
});
