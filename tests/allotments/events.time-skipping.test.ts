import { describe, expect, it } from 'vitest';
import { eventsAbout } from '../support/events';
import { partnerSuite } from './world';

// The events of the allotment lifecycle's timers, over their real durations (a 14-day default
// expiry, a 24-hour payment window) on the time-skipping test server.
describe('allotment events over real calendar time', () => {
  const { s, w } = partnerSuite({ grant: 3 }, { timeSkipping: true, perTest: true });

  it('an invitation left open for its 14 days records response.expired once, with its organization', async () => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: 'late@example.test', name: 'Late' } } });
    expect(res.status).toBe(201);
    await s.env!.sleep('13 days');
    expect(await eventsAbout(s.sql, 'response.expired', 'responseId', res.body.id)).toHaveLength(0);
    await s.env!.sleep('25 hours');
    expect((await s.call('GET', `/v1/responses/${res.body.id}`, { token: w.manager.token })).body.status).toBe('expired');
    const expired = await eventsAbout(s.sql, 'response.expired', 'responseId', res.body.id);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ organizationId: w.organizationId, data: { responseId: res.body.id, organizationId: w.organizationId, assessmentId: w.assessmentId, cohortId: null } });
    expect(await eventsAbout(s.sql, 'response.completed', 'responseId', res.body.id)).toHaveLength(0);
  });

  it('a purchase unpaid for 24 hours records purchase.expired once, and neither purchase.paid nor allotment.credited', async () => {
    const bought = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 7, currency: 'EUR' } });
    expect(bought.status).toBe(201);
    const id = bought.body.id as string;
    await s.env!.sleep('25 hours');
    expect(await s.client.workflow.getHandle(`purchase-${id}`).result()).toBe('expired');
    const expired = await eventsAbout(s.sql, 'purchase.expired', 'purchaseId', id);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ organizationId: w.organizationId, data: { purchaseId: id, organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 7 } });
    expect(await eventsAbout(s.sql, 'purchase.paid', 'purchaseId', id)).toHaveLength(0);
    expect(await eventsAbout(s.sql, 'allotment.credited', 'purchaseId', id)).toHaveLength(0);
  });
});
