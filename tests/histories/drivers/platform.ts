import { expect } from 'vitest';
import type { Drivers } from './context';

export const prunes: Drivers<'pruneIdempotencyWorkflow'> = {
  async prune(ctx) {
    const s = await ctx.stack({ stripe: false });
    const result = await s.client.workflow.execute('pruneIdempotencyWorkflow', { taskQueue: s.taskQueue, workflowId: 'platform-prune-idempotency-recorded' });
    expect(result.pruned).toBe(0);
    return { stack: s, workflowId: 'platform-prune-idempotency-recorded' };
  },
};
