import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';

describe('a workflow whose transaction never committed (time skipping)', () => {
  const { s } = suiteStack({ timeSkipping: true });

  it('ends without touching Stripe or the ledger', async () => {
    const purchase = await s.client.workflow.execute('purchaseWorkflow', { taskQueue: s.taskQueue, workflowId: 'purchase-ghost', args: [{ purchaseId: '00000000-0000-4000-8000-000000000001', paymentTimeout: '24 hours' }] });
    expect(purchase).toBe('abandoned');
    await s.client.workflow.execute('bulkInviteWorkflow', { taskQueue: s.taskQueue, workflowId: 'job-ghost', args: [{ jobId: '00000000-0000-4000-8000-000000000002' }] });
    const [rows] = await s.sql`select (select count(*) from allocations)::int as a, (select count(*) from responses)::int as r`;
    expect(rows).toEqual({ a: 0, r: 0 });
  });
});
