import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchThroughWorkflow } from '../../src/sales/workflow';
import { todayUtc } from '../../src/domain/sales/dates';
import { startTestStack, type TestStack } from '../support/stack';

describe('a launch that arrives while the activation is being recorded', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack();
  });
  afterAll(async () => s?.close());

  it('waits for the activation and gets its key instead of a refusal', async () => {
    const org = await s.organization({ name: 'Eager customer', ltiService: true });
    const manager = await s.userWithToken({ role: 'manager', organizationId: org });
    const distributionId = (await s.call('POST', '/v1/distributions', { body: { name: 'IT PRO / Practice Test', unitPrices: { EUR: 1250 } } })).body.id;
    const sale = await s.call('POST', '/v1/sales', {
      token: manager.token,
      body: { name: 'Starts today', customer: { organizationId: org }, distributions: [{ distributionId, salesType: 'per_user', numberOfUsers: 3, currency: 'EUR' }], activationDate: todayUtc(new Date()), billed: 'invoice' },
    });
    expect((await s.call('POST', `/v1/sales/${sale.body.id}/approve`)).status).toBe(200);
    // No wait for the database to say active: the delivery system launches at once.
    const key = await launchThroughWorkflow(s.deps, sale.body.id, { saleDistributionId: sale.body.distributions[0].id, userEmail: 'first@eager.test', actorId: manager.userId });
    expect(key.created).toBe(true);
    expect((await s.call('GET', `/v1/sales/${sale.body.id}`)).body.status).toBe('active');
  });
});
