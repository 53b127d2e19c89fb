import { describe, expect, it } from 'vitest';
import { launchThroughWorkflow } from '../../src/sales/workflow';
import { holdLock } from '../support/races';
import { waitFor } from '../support/wait';
import { registerSale, resellerStack, saleStatus } from './world';

describe('a launch that arrives while the activation is being recorded', () => {
  const file = resellerStack({ customerName: 'Eager customer' });

  it('waits for the activation and gets its key instead of a refusal', async () => {
    const { s, world: { organizationId, manager, distributionId } } = file;
    const sale = await registerSale(s, manager.token, { organizationId, distributions: [distributionId], numberOfUsers: 3, name: 'Starts today' });
    const handle = s.client.workflow.getHandle(`sale-${sale.id}`);
    const events = async () => (await handle.fetchHistory()).events ?? [];

    // The approval e-mail is held at the SMTP listener: the workflow is approved, not yet activating.
    s.smtp.hold();
    let held: Awaited<ReturnType<typeof holdLock>> | undefined;
    let launch: ReturnType<typeof launchThroughWorkflow> | undefined;
    try {
      expect((await s.call('POST', `/v1/sales/${sale.id}/approve`)).status).toBe(200);
      await waitFor(async () => s.smtp.waiting.length, (n) => n === 1, { what: 'the approval e-mail to reach the SMTP listener' });
      // Then the sale's row is held, so the activation that follows the e-mail waits on it.
      held = await holdLock(s.dbUrl, (tx) => tx`select 1 from sales where id = ${sale.id} for update`);
      s.smtp.release();
      await held.waitForWaiters(1, 'the activation being recorded');
      expect(await saleStatus(s, sale.id)).toBe('approved');
      // The delivery system launches now, without waiting for the database to say active.
      launch = launchThroughWorkflow(s.deps, sale.id, { saleDistributionId: sale.distributions[0].id, userEmail: 'first@eager.test', actorId: manager.userId });
      await waitFor(events, (e) => e.some((x) => x.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'launch'), {
        what: 'the workflow to accept the launch while the activation is being recorded',
      });
    } finally {
      s.smtp.release();
      await held?.release();
    }
    const key = await launch!;
    expect(key.created).toBe(true);
    expect(await saleStatus(s, sale.id)).toBe('active');
    // In the history the launch was accepted before the activation's write completed.
    const history = await events();
    const accepted = history.find((x) => x.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'launch')!;
    const scheduled = history.find((x) => x.activityTaskScheduledEventAttributes?.activityType?.name === 'activateSale')!;
    const activated = history.find((x) => x.activityTaskCompletedEventAttributes?.scheduledEventId?.toString() === scheduled.eventId?.toString())!;
    expect(Number(accepted.eventId)).toBeLessThan(Number(activated.eventId));
  });
});
