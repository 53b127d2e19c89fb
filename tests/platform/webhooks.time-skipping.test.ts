import { afterAll, describe, expect, it } from 'vitest';
import { RETRY_SCHEDULE_MS } from '../../src/domain/webhooks/schedule';
import { deliveryWorkflowId } from '../../workflows/platform/webhook-delivery-definitions';
import { suiteStack } from '../support/suite';
import { payPurchase, register, webhookWorld } from './webhooks-world';

// The whole retry schedule in calendar time, skipped: a receiver that always answers 500 gets ten
// attempts (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h after the previous,
// each ±10 % jitter), then the delivery is given up.

describe('webhook delivery retry schedule', () => {
  const { s, w } = suiteStack({ timeSkipping: true }, webhookWorld);
  afterAll(async () => w.receiver.close());

  it('makes ten attempts at the scheduled offsets, then gives up', { timeout: 600_000 }, async () => {
    const endpoint = await register(s, w, '/down');
    w.receiver.verifyWith(endpoint.secret);
    w.receiver.answerAlways('/down', { status: 500 });
    const { eventId } = await payPurchase(s, w);

    const handle = s.client.workflow.getHandle(deliveryWorkflowId(eventId, endpoint.id));
    expect(await handle.result()).toBe('failed');
    const described = await handle.describe();
    expect(described.searchAttributes).toMatchObject({ PartnerflowKind: ['webhook_delivery'], PartnerflowStatus: ['failed'], PartnerflowEndpointId: [endpoint.id], PartnerflowEventId: [eventId] });

    const got = w.receiver.at('/down');
    expect(got).toHaveLength(10);
    expect(got.every((r) => r.verifiedWith.length === 1 && r.headers['webhook-id'] === got[0]!.headers['webhook-id'])).toBe(true);

    const attempts = (await s.call('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=50`)).body.items.reverse() as { attempt: number; at: string; httpStatus: number; outcome: string; nextRetryAt: string | null }[];
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(attempts.every((a) => a.httpStatus === 500)).toBe(true);
    expect(attempts.map((a) => a.outcome)).toEqual([...Array(9).fill('retry'), 'failed']);
    expect(attempts[9]!.nextRetryAt).toBeNull();
    for (let i = 1; i < 10; i++) {
      const gap = Date.parse(attempts[i]!.at) - Date.parse(attempts[i - 1]!.at);
      const scheduled = RETRY_SCHEDULE_MS[i]!;
      // ±10 % jitter, and the second or so an attempt itself takes.
      expect(gap, `attempt ${i + 1}`).toBeGreaterThanOrEqual(scheduled * 0.9);
      expect(gap, `attempt ${i + 1}`).toBeLessThanOrEqual(scheduled * 1.1 + 2_000);
      expect(Date.parse(attempts[i - 1]!.nextRetryAt!), `attempt ${i} announces the next`).toBeLessThanOrEqual(Date.parse(attempts[i]!.at) + 1_000);
    }
    const total = Date.parse(attempts[9]!.at) - Date.parse(attempts[0]!.at);
    expect(total).toBeGreaterThan(3 * 86_400_000);
  });
});
