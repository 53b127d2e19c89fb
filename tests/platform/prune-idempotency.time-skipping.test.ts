import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimIdempotencyKey } from '../../src/repos/idempotency';
import { startTestStack, type TestStack } from '../support/stack';
import { unique } from '../support/unique';

describe('idempotency records are pruned after 24 hours (time skipping)', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack({ timeSkipping: true, stripe: false });
  });
  afterAll(async () => s?.close());

  const keys = async () => (await s.sql<{ key: string }[]>`select key from idempotency_records order by key`).map((r) => r.key);

  it('keeps a record 23 hours old and prunes it at 25 hours', async () => {
    // The record's created_at is the database's clock; the workflow's clock is the test server's.
    await claimIdempotencyKey(s.sql, { principal: 'user:test', key: 'old-enough-soon', method: 'POST', path: '/v1/x', requestHash: 'h' });
    await s.env!.sleep('23 hours');
    const early = await s.client.workflow.execute('pruneIdempotencyWorkflow', { taskQueue: s.taskQueue, workflowId: unique('prune-early') });
    const afterEarly = await keys();
    await s.env!.sleep('2 hours');
    const late = await s.client.workflow.execute('pruneIdempotencyWorkflow', { taskQueue: s.taskQueue, workflowId: unique('prune-late') });
    expect(early.pruned).toBe(0);
    expect(afterEarly).toEqual(['old-enough-soon']);
    expect(late.pruned).toBe(1);
    expect(await keys()).toEqual([]);
  });
});
