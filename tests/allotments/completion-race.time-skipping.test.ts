import { describe, expect, it } from 'vitest';
import { holdLock } from '../support/races';
import { ledger, partnerSuite, waitFor } from './world';

// A completion and the 14-day expiry arriving at the same moment, each way round. The response's
// row is held so that one transition is provably being written when the other one arrives.
describe('a completion racing the expiry (time skipping)', () => {
  const { s, w } = partnerSuite({ grant: 5 }, { timeSkipping: true, perTest: true });

  const create = async (name: string) => {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: `${name}@example.test`, name } } });
    expect(res.status).toBe(201);
    return res.body as { id: string; expiresAt: string };
  };
  const row = async (id: string) => (await s.sql<{ status: string }[]>`select status from responses where id = ${id}`)[0]!.status;
  const holdResponse = (id: string) => holdLock(s.dbUrl, (tx) => tx`select 1 from responses where id = ${id} for update`);
  const complete = (id: string) => s.call('POST', `/v1/responses/${id}/complete`, { token: w.manager.token, body: {} });

  it('a completion that arrives while the expiry is being written is refused with RESPONSE_EXPIRED; the unit comes back once', async () => {
    const r = await create('late');
    const before = await ledger(s, w.organizationId, w.assessmentId);
    const held = await holdResponse(r.id);
    let answer: Awaited<ReturnType<typeof complete>> | undefined;
    const passing = s.env!.sleep('337 hours');
    try {
      // The timer fired and the expiry's write waits on the row: the response is expiring, not yet expired.
      await held.waitForWaiters(1, 'the expiry being written');
      expect(await row(r.id)).toBe('invited');
      answer = await complete(r.id);
    } finally {
      await held.release();
    }
    await passing;
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('RESPONSE_EXPIRED');
    expect(await row(r.id)).toBe('expired');
    expect(await s.client.workflow.getHandle(`response-${r.id}`).result()).toBe('expired');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({
      used: before.used, unexpired: before.unexpired - 1, expired: before.expired + 1, available: before.available + 1,
    });
  });

  it('an expiry instant that passes while the completion is being written does not expire it: Used for good', async () => {
    // While an activity runs the test server's clock runs at real speed, so this one expires in seconds.
    const expiresAt = new Date((await s.env!.currentTimeMs()) + 4_000).toISOString();
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: 'just-in-time@example.test', name: 'Just in time' }, expiresAt } });
    expect(res.status).toBe(201);
    const r = res.body as { id: string };
    const before = await ledger(s, w.organizationId, w.assessmentId);
    const held = await holdResponse(r.id);
    const completion = complete(r.id);
    try {
      // The completion was accepted and its write waits on the row; then the expiry instant passes.
      await held.waitForWaiters(1, 'the completion being written');
      await waitFor(async () => s.env!.currentTimeMs(), (now) => now > Date.parse(expiresAt) + 500, { what: 'the expiry instant to pass', everyMs: 200 });
      expect(await row(r.id)).toBe('invited');
    } finally {
      await held.release();
    }
    const done = await completion;
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(await s.client.workflow.getHandle(`response-${r.id}`).result()).toBe('completed');
    await s.env!.sleep('30 days');
    expect(await row(r.id)).toBe('completed');
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({
      used: before.used + 1, unexpired: before.unexpired - 1, expired: before.expired, available: before.available,
    });
  });
});
