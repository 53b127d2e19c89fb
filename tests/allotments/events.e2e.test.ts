import { describe, expect, it } from 'vitest';
import { drainLowBalanceHandoffs } from '../../src/allotments/alerts';
import { lowBalanceAlertWorkflowId } from '../../workflows/allotments/low-balance-definitions';
import { eventsAbout, eventsOf } from '../support/events';
import { cancelBeforeItRuns, resetToFirstWorkflowTask } from '../support/reset';
import { readMail } from '../support/mail';
import { deliver, paymentIntent, signed, stripeEvent } from './stripe';
import { grant, ledger, partnerSuite, partnerWorld, waitFor, type PartnerWorld } from './world';

// The allotment lifecycle's events, recorded in the transaction of the change they report:
// purchase.paid, allotment.credited, response.completed, and the low-balance alert
// (allotment.low_balance once per crossing, with one e-mail per manager; allotment.exhausted at 0).
describe('allotment events', () => {
  const { s, w } = partnerSuite();

  const respond = (world: PartnerWorld, email = `r-${Math.random().toString(36).slice(2)}@example.test`) =>
    s.call('POST', `/v1/assessments/${world.assessmentId}/responses`, { token: world.manager.token, body: { organizationId: world.organizationId, respondent: { email, name: 'R' } } });
  const columns = (world: PartnerWorld) => ledger(s, world.organizationId, world.assessmentId);
  const setThreshold = (world: PartnerWorld, lowBalanceThreshold: number | null, token = world.manager.token) =>
    s.call('PATCH', `/v1/allotments/${world.organizationId}/${world.assessmentId}`, { token, body: { lowBalanceThreshold } });

  it('a paid purchase records purchase.paid and allotment.credited with the columns after it; a forged payment records nothing', async () => {
    const bought = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 12, currency: 'EUR' } });
    expect(bought.status).toBe(201);
    const p = bought.body as { id: string; paymentIntentId: string; amount: { amount: number; currency: string } };
    const intent = paymentIntent({ id: p.paymentIntentId, amount: p.amount.amount, purchaseId: p.id });
    const forged = stripeEvent('payment_intent.succeeded', intent);
    expect((await deliver(s, forged, signed(forged, { secret: 'whsec_wrong' }))).status).toBe(400);
    expect(await eventsAbout(s.sql, 'purchase.paid', 'purchaseId', p.id)).toHaveLength(0);

    const payload = stripeEvent('payment_intent.succeeded', intent);
    expect((await deliver(s, payload, signed(payload))).status).toBe(200);
    await waitFor(() => s.call('GET', `/v1/allotments/purchases/${p.id}`, { token: w.manager.token }), (r) => r.body.status === 'paid');
    const paid = await eventsAbout(s.sql, 'purchase.paid', 'purchaseId', p.id);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      organizationId: w.organizationId,
      data: { purchaseId: p.id, organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 12, amount: { amount: p.amount.amount, currency: 'EUR' } },
    });
    const credited = await eventsAbout(s.sql, 'allotment.credited', 'purchaseId', p.id);
    expect(credited).toHaveLength(1);
    const after = await columns(w);
    expect(credited[0]).toMatchObject({
      organizationId: w.organizationId,
      data: {
        organizationId: w.organizationId, assessmentId: w.assessmentId, unit: 'response', units: 12, purchaseId: p.id,
        columns: { allocated: after.allocated, invited: after.invited, used: after.used, unexpired: after.unexpired, expired: after.expired, available: after.available },
      },
    });
  });

  it('an admin grant records allotment.credited (and no purchase.paid: nothing was paid)', async () => {
    const world = await partnerWorld(s);
    const g = await grant(s, world.organizationId, world.assessmentId, 4);
    const credited = await eventsOf(s.sql, 'allotment.credited', world.organizationId);
    expect(credited).toHaveLength(1);
    expect(credited[0]!.data).toMatchObject({ units: 4, purchaseId: g.id, columns: { allocated: 4, available: 4 } });
    expect(await eventsOf(s.sql, 'purchase.paid', world.organizationId)).toHaveLength(0);
  });

  it('a completed response records response.completed once; completing it again is refused and records nothing', async () => {
    const world = await partnerWorld(s, { grant: 2 });
    const r = await respond(world);
    expect(r.status).toBe(201);
    expect((await s.call('POST', `/v1/responses/${r.body.id}/complete`, { token: world.manager.token, body: {} })).status).toBe(200);
    const again = await s.call('POST', `/v1/responses/${r.body.id}/complete`, { token: world.manager.token, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RESPONSE_COMPLETED');
    const completed = await eventsOf(s.sql, 'response.completed', world.organizationId);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.data).toEqual({ responseId: r.body.id, organizationId: world.organizationId, assessmentId: world.assessmentId, cohortId: null });
  });

  it('only admins and the organization\'s managers set the threshold; bad input is refused and changes nothing', async () => {
    const world = await partnerWorld(s, { grant: 3 });
    const approver = await s.userWithToken({ role: 'approver' });
    expect((await setThreshold(world, 1, approver.token)).status).toBe(403);
    const other = await partnerWorld(s);
    expect((await setThreshold(world, 1, other.manager.token)).status).toBe(404);
    const bad = await setThreshold(world, -1);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await columns(world)).lowBalanceThreshold).toBeNull();
    const set = await setThreshold(world, 2);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ organizationId: world.organizationId, assessmentId: world.assessmentId, lowBalanceThreshold: 2, available: 3 });
  });

  it('many creations at once crossing the threshold: one allotment.low_balance, one e-mail per manager; exhausted once at 0; re-armed by a purchase', async () => {
    const world = await partnerWorld(s, { grant: 10 });
    const second = await s.userWithToken({ role: 'manager', organizationId: world.organizationId, assessmentIds: [world.assessmentId] });
    expect((await setThreshold(world, 5)).status).toBe(200);

    const created = await Promise.all(Array.from({ length: 8 }, () => respond(world)));
    expect(created.map((r) => r.status)).toEqual(Array(8).fill(201));
    const low = await eventsOf(s.sql, 'allotment.low_balance', world.organizationId);
    expect(low).toHaveLength(1);
    expect(low[0]!.data).toMatchObject({ organizationId: world.organizationId, assessmentId: world.assessmentId, unit: 'response', threshold: 5 });
    expect(low[0]!.data.columns.available).toBeLessThanOrEqual(5);
    expect(low[0]!.data.columns.available).toBeGreaterThanOrEqual(2);

    // The mail workflow of this crossing e-mails each manager once, with the crossing's Message-ID.
    const first = lowBalanceAlertWorkflowId(world.organizationId, world.assessmentId, 1);
    const result = await waitFor(() => s.client.workflow.getHandle(first).result().catch(() => undefined), (r) => r !== undefined, { timeoutMs: 60_000, what: 'the low-balance mail workflow' });
    expect(result).toEqual({ sent: 2, failed: 0 });
    const alerts = (email: string) => s.smtp.to(email).filter((m) => readMail(m.raw).messageId?.startsWith(`<${first}.`));
    for (const manager of [world.manager, second]) {
      const mails = alerts(manager.email);
      expect(mails).toHaveLength(1);
      expect(readMail(mails[0]!.raw).subject).toMatch(/^Low balance: \d+ response units left/);
      expect(readMail(mails[0]!.raw).html).toContain('Held by open invitations');
    }

    // Down to 0: allotment.exhausted once; a refused creation records nothing more.
    expect((await Promise.all([respond(world), respond(world)])).map((r) => r.status)).toEqual([201, 201]);
    const refused = await respond(world);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ALLOTMENT_EXHAUSTED');
    const exhausted = await eventsOf(s.sql, 'allotment.exhausted', world.organizationId);
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0]!.data.columns).toMatchObject({ allocated: 10, unexpired: 10, available: 0 });
    expect(await eventsOf(s.sql, 'allotment.low_balance', world.organizationId)).toHaveLength(1);

    // A purchase lifts Available above the threshold (re-armed); falling to it again alerts again.
    await grant(s, world.organizationId, world.assessmentId, 8);
    expect(await eventsOf(s.sql, 'allotment.low_balance', world.organizationId)).toHaveLength(1);
    for (let i = 0; i < 3; i++) expect((await respond(world)).status).toBe(201);
    const lows = await eventsOf(s.sql, 'allotment.low_balance', world.organizationId);
    expect(lows).toHaveLength(2);
    expect(lows[1]!.data.columns).toMatchObject({ allocated: 18, available: 5 });
    const again = lowBalanceAlertWorkflowId(world.organizationId, world.assessmentId, 2);
    expect(await waitFor(() => s.client.workflow.getHandle(again).result().catch(() => undefined), (r) => r !== undefined, { timeoutMs: 60_000 })).toEqual({ sent: 2, failed: 0 });
    expect(alerts(world.manager.email)).toHaveLength(1);
  });

  it('a threshold switched off alerts no more', async () => {
    const world = await partnerWorld(s, { grant: 3 });
    expect((await setThreshold(world, 2)).status).toBe(200);
    expect((await setThreshold(world, null)).body.lowBalanceThreshold).toBeNull();
    for (let i = 0; i < 2; i++) expect((await respond(world)).status).toBe(201);
    expect(await eventsOf(s.sql, 'allotment.low_balance', world.organizationId)).toHaveLength(0);
  });
  it('`temporal workflow cancel` of a low-balance alert is refused: the managers are still e-mailed, once', async () => {
    const world = await partnerWorld(s, { grant: 4 });
    expect((await setThreshold(world, 2)).status).toBe(200);
    const id = lowBalanceAlertWorkflowId(world.organizationId, world.assessmentId, 1);
    const { handle } = await cancelBeforeItRuns(
      s,
      async () => {
        for (let i = 0; i < 2; i++) expect((await respond(world)).status).toBe(201);
        // What a worker's drain does once the crossing is committed: start the alert's workflow.
        expect(await drainLowBalanceHandoffs(s.deps)).toBeGreaterThanOrEqual(1);
      },
      () => id,
    );
    expect(await handle.result()).toEqual({ sent: 1, failed: 0 });
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect(s.smtp.to(world.manager.email).filter((m) => readMail(m.raw).messageId?.startsWith(`<${id}.`))).toHaveLength(1);
  });

  it('a low-balance alert reset to its first workflow task e-mails nobody twice', async () => {
    const world = await partnerWorld(s, { grant: 4 });
    expect((await setThreshold(world, 2)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await respond(world)).status).toBe(201);
    const id = lowBalanceAlertWorkflowId(world.organizationId, world.assessmentId, 1);
    expect(await waitFor(() => s.client.workflow.getHandle(id).result().catch(() => undefined), (r) => r !== undefined, { timeoutMs: 60_000, what: 'the low-balance mail workflow' })).toEqual({ sent: 1, failed: 0 });
    const alerts = () => s.smtp.to(world.manager.email).filter((m) => readMail(m.raw).messageId?.startsWith(`<${id}.`));
    expect(alerts()).toHaveLength(1);

    const runId = await resetToFirstWorkflowTask(s.client, id);
    expect(await s.client.workflow.getHandle(id, runId).result()).toEqual({ sent: 1, failed: 0 });
    expect(alerts()).toHaveLength(1);
    expect(await eventsOf(s.sql, 'allotment.low_balance', world.organizationId)).toHaveLength(1);
  });
});
