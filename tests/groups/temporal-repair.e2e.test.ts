import { describe, expect, it } from 'vitest';
import { subscriptionStateQuery } from '../../workflows/groups/subscription-definitions';
import { scheduledActivities } from '../support/history';
import { cancelBeforeItRuns, cancelRequested, resetToFirstWorkflowTask } from '../support/reset';
import { suiteStack } from '../support/suite';
import { activeCampaign, groupUsers, groupWorld, redeem } from './world';

describe('group subscriptions and imports repaired from Temporal', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, async (s) => ({ paid: await groupWorld(s, { usersAmount: 1500 }), free: await groupWorld(s) }));
  const from = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
  const importInto = async (emails: string[]) => {
    const res = await s.call('POST', `/v1/groups/${w.free.groupId}/imports`, { body: { users: emails.map((email) => ({ email, name: email.split('@')[0] })) } });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };
  const importResults = async (jobId: string) => (await s.call('GET', `/v1/groups/${w.free.groupId}/imports/${jobId}`)).body;

  it('`temporal workflow cancel` of a user\'s subscription is refused: it is still created in Stripe and counted once', async () => {
    await activeCampaign(s, w.paid.groupId, { mode: 'shared', code: 'REFUSECANCEL', maxRedemptions: 10 });
    const { created: subscriptionId, handle } = await cancelBeforeItRuns(
      s,
      async () => {
        const res = await redeem(s, 'REFUSECANCEL', 'kept@xyz.example', from(1));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ status: 'pending' });
        return res.body.subscriptionId as string;
      },
      (id) => `subscription-${id}`,
    );
    expect(await handle.result()).toBe('active');
    expect(await cancelRequested(handle)).toBe(true);
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['active']);
    expect((await s.call('GET', `/v1/subscriptions/${subscriptionId}`)).body).toMatchObject({ status: 'active', stripeSubscriptionId: expect.stringMatching(/^sub_/) });
    expect((await groupUsers(s, w.paid.groupId)).filter((u) => u.email === 'kept@xyz.example')).toHaveLength(1);
  });

  it('a user\'s subscription reset to its first workflow task creates nothing twice and still says active', async () => {
    await activeCampaign(s, w.paid.groupId, { mode: 'shared', code: 'RESETSUB', maxRedemptions: 10 });
    const res = await redeem(s, 'RESETSUB', 'reset@xyz.example', from(2));
    expect(res.body).toMatchObject({ status: 'redeemed', subscriptionStatus: 'active' });
    const before = (await s.call('GET', `/v1/subscriptions/${res.body.subscriptionId}`)).body;

    const runId = await resetToFirstWorkflowTask(s.client, `subscription-${res.body.subscriptionId}`);
    const handle = s.client.workflow.getHandle(`subscription-${res.body.subscriptionId}`, runId);
    expect(await handle.result()).toBe('active');
    expect(await scheduledActivities(handle)).toContain('provisionGroupSubscription');
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['active']);
    expect(await handle.query(subscriptionStateQuery)).toEqual({ status: 'active' });
    const after = (await s.call('GET', `/v1/subscriptions/${res.body.subscriptionId}`)).body;
    expect(after).toMatchObject({ status: 'active', stripeSubscriptionId: before.stripeSubscriptionId });
    expect((await groupUsers(s, w.paid.groupId)).filter((u) => u.email === 'reset@xyz.example')).toHaveLength(1);
  });

  it('`temporal workflow cancel` of an import is refused: every row is imported once and the job completes', async () => {
    const { created: jobId, handle } = await cancelBeforeItRuns(s, () => importInto(['imp1@xyz.example', 'imp2@xyz.example', 'imp3@xyz.example']), (id) => `job-${id}`);
    expect(await handle.result()).toEqual({ created: 3, existing: 0, failed: 0 });
    expect(await cancelRequested(handle)).toBe(true);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect(await importResults(jobId)).toMatchObject({ status: 'completed', total: 3, created: 3, existing: 0, failed: 0 });
  });

  it('an import reset to its first workflow task imports no row twice and still says completed', async () => {
    const jobId = await importInto(['twice1@xyz.example', 'twice2@xyz.example']);
    expect(await s.client.workflow.getHandle(`job-${jobId}`).result()).toEqual({ created: 2, existing: 0, failed: 0 });
    const results = await importResults(jobId);
    const users = await groupUsers(s, w.free.groupId);

    const runId = await resetToFirstWorkflowTask(s.client, `job-${jobId}`);
    const handle = s.client.workflow.getHandle(`job-${jobId}`, runId);
    expect(await handle.result()).toEqual({ created: 2, existing: 0, failed: 0 });
    expect(await scheduledActivities(handle)).toContain('importGroupUsers');
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['completed']);
    expect(await importResults(jobId)).toEqual(results);
    expect(await groupUsers(s, w.free.groupId)).toEqual(users);
  });
});
