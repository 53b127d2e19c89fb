import { describe, expect, it } from 'vitest';
import { launchThroughWorkflow } from '../../src/sales/workflow';
import { registerSale, resellerStack, saleStatus } from './world';

describe('a launch that arrives while the activation is being recorded', () => {
  const file = resellerStack({ customerName: 'Eager customer' });

  it('waits for the activation and gets its key instead of a refusal', async () => {
    const { s, world: { organizationId, manager, distributionId } } = file;
    const sale = await registerSale(s, manager.token, { organizationId, distributions: [distributionId], numberOfUsers: 3, name: 'Starts today' });
    expect((await s.call('POST', `/v1/sales/${sale.id}/approve`)).status).toBe(200);
    // No wait for the database to say active: the delivery system launches at once.
    const key = await launchThroughWorkflow(s.deps, sale.id, { saleDistributionId: sale.distributions[0].id, userEmail: 'first@eager.test', actorId: manager.userId });
    expect(key.created).toBe(true);
    expect(await saleStatus(s, sale.id)).toBe('active');
  });
});
