import { expect } from 'vitest';
import { addDays, todayUtc } from '../../../src/domain/sales/dates';
import { saleWorld } from '../../sales/world';
import type { Drivers } from './context';

export const prunes: Drivers<'pruneIdempotencyWorkflow'> = {
  async prune(ctx) {
    const s = await ctx.stack({ stripe: false });
    const result = await s.client.workflow.execute('pruneIdempotencyWorkflow', { taskQueue: s.taskQueue, workflowId: 'platform-prune-idempotency-recorded' });
    expect(result.pruned).toBe(0);
    return { stack: s, workflowId: 'platform-prune-idempotency-recorded' };
  },
};

export const reconciliations: Drivers<'reconcileWorkflow'> = {
  async clean(ctx) {
    const s = await ctx.stack({ stripe: false, timeSkipping: false });
    const workflowId = `platform-reconcile-recorded-clean-${s.taskQueue}`;
    const result = await s.client.workflow.execute('reconcileWorkflow', { taskQueue: s.taskQueue, workflowId });
    expect(result.needsAttention).toEqual([]);
    return { stack: s, workflowId };
  },

  async 'needs-attention'(ctx) {
    const s = await ctx.stack({ timeSkipping: false });
    const sale = await saleWorld(s, { activationDate: addDays(todayUtc(new Date()), 10) });
    await s.client.workflow.getHandle(`sale-${sale.saleId}`).terminate('history recording: a live sale without its workflow');
    const workflowId = `platform-reconcile-recorded-findings-${s.taskQueue}`;
    const result = await s.client.workflow.execute('reconcileWorkflow', { taskQueue: s.taskQueue, workflowId });
    expect(result.needsAttention).toEqual([`sale-${sale.saleId}`]);
    return { stack: s, workflowId };
  },
};
