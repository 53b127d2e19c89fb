import { expect } from 'vitest';
import { deliveryWorkflowId } from '../../../workflows/platform/webhook-delivery-definitions';
import { payPurchase, register, webhookWorld } from '../../platform/webhooks-world';
import type { TestStack } from '../../support/stack';
import type { Driver, Drivers, RecordContext } from './context';

/** An endpoint at the receiver's `path` answering `answers` in turn (then 200), and a real event delivered to it: the delivery's outcome. */
function delivery(path: string, setUp: (w: Awaited<ReturnType<typeof webhookWorld>>) => void, expected: string, meanwhile?: (s: TestStack, w: Awaited<ReturnType<typeof webhookWorld>>, endpointId: string) => Promise<void>): Driver {
  return async (ctx: RecordContext) => {
    const s = await ctx.stack();
    const w = await webhookWorld(s);
    const endpoint = await register(s, w, path);
    w.receiver.verifyWith(endpoint.secret);
    setUp(w);
    const { eventId } = await payPurchase(s, w);
    const workflowId = deliveryWorkflowId(eventId, endpoint.id);
    await meanwhile?.(s, w, endpoint.id);
    expect(await s.client.workflow.getHandle(workflowId).result()).toBe(expected);
    await w.receiver.close();
    return { stack: s, workflowId };
  };
}

export const webhookDeliveries: Drivers<'webhookDeliveryWorkflow'> = {
  delivered: delivery('/delivered', () => {}, 'succeeded'),
  retried: delivery('/retried', (w) => w.receiver.answerNext('/retried', { status: 500 }, { status: 429, retryAfter: '60' }), 'succeeded'),
  gone: delivery('/gone', (w) => w.receiver.answerNext('/gone', { status: 410 }), 'gone'),
  // The first attempt fails; the endpoint is deleted before the second.
  cancelled: delivery('/cancelled', (w) => w.receiver.answerAlways('/cancelled', { status: 500 }), 'cancelled', async (s, w, endpointId) => {
    await w.receiver.waitFor('/cancelled', 1);
    const deleted = await s.call('DELETE', `/v1/webhook-endpoints/${endpointId}`);
    expect(deleted.status).toBe(204);
  }),
  'given-up': delivery('/given-up', (w) => w.receiver.answerAlways('/given-up', { status: 500 }), 'failed'),
  // The first attempt fails; `temporal workflow cancel` while it waits is refused, and the second attempt delivers.
  'temporal-cancel-refused': async (ctx) => {
    const s = await ctx.stack();
    const w = await webhookWorld(s);
    const endpoint = await register(s, w, '/refused');
    w.receiver.verifyWith(endpoint.secret);
    w.receiver.answerNext('/refused', { status: 500 });
    const { eventId } = await payPurchase(s, w);
    const workflowId = deliveryWorkflowId(eventId, endpoint.id);
    await w.receiver.waitFor('/refused', 1);
    await s.client.workflow.getHandle(workflowId).cancel();
    expect(await s.client.workflow.getHandle(workflowId).result()).toBe('succeeded');
    await w.receiver.close();
    return { stack: s, workflowId };
  },
};
