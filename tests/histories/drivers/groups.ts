import { expect } from 'vitest';
import { activeCampaign, groupWorld, redeem } from '../../groups/world';
import type { TestStack } from '../../support/stack';
import { startStripeProxy } from '../../support/stripe-proxy';
import type { Drivers } from './context';

const ghost = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

async function ghostRun(s: TestStack, workflow: string, workflowId: string, args: unknown) {
  const handle = await s.client.workflow.start(workflow, { taskQueue: s.taskQueue, workflowId, args: [args] });
  expect(await handle.result()).toBe('abandoned');
  return { stack: s, workflowId };
}

export const campaigns: Drivers<'campaignWorkflow'> = {
  // A unique campaign (codes created in batches) with an end date, closed by its timer.
  async closed(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s, { usersAmount: 900 });
    const endsAt = new Date(Number(await s.env!.currentTimeMs()) + 30 * 86_400_000).toISOString();
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 300, endsAt });
    await s.env!.sleep('31 days');
    expect(await s.client.workflow.getHandle(`campaign-${campaign.id}`).result()).toBe('closed');
    return { stack: s, workflowId: `campaign-${campaign.id}` };
  },

  async deactivated(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s, { usersAmount: 900 });
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'STOPME', maxRedemptions: 5 });
    expect((await s.call('POST', `/v1/campaigns/${campaign.id}/deactivate`, { body: {} })).status).toBe(200);
    expect(await s.client.workflow.getHandle(`campaign-${campaign.id}`).result()).toBe('deactivated');
    return { stack: s, workflowId: `campaign-${campaign.id}` };
  },

  // `temporal workflow cancel` of an active campaign: deactivated, coupon retired, ended Canceled.
  async 'temporal-cancel'(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s, { usersAmount: 1500 });
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'OPSSTOP', maxRedemptions: 5 });
    const handle = s.client.workflow.getHandle(`campaign-${campaign.id}`);
    await handle.cancel();
    await expect(handle.result()).rejects.toThrow();
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.status).toBe('deactivated');
    return { stack: s, workflowId: `campaign-${campaign.id}` };
  },

  abandoned: async (ctx) => ghostRun(await ctx.stack(), 'campaignWorkflow', 'campaign-ghost', { campaignId: ghost(1), groupId: ghost(9), endsAt: null }),
};

export const groupSubscriptions: Drivers<'groupSubscriptionWorkflow'> = {
  async active(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s, { usersAmount: 900 });
    await activeCampaign(s, w.groupId, { mode: 'shared', code: 'WELCOME', maxRedemptions: 5 });
    const res = await redeem(s, 'WELCOME', 'new@xyz.example');
    expect(res.body).toMatchObject({ status: 'redeemed', subscriptionStatus: 'active' });
    return { stack: s, workflowId: `subscription-${res.body.subscriptionId}` };
  },

  // Stripe unreachable through the whole retry schedule (about two hours): the reservation is released.
  async compensation(ctx) {
    const stripe = await startStripeProxy();
    try {
      const s = await ctx.stack({ stripeUrl: stripe.url });
      const w = await groupWorld(s, { usersAmount: 900 });
      await activeCampaign(s, w.groupId, { mode: 'shared', code: 'UNLUCKY', maxRedemptions: 5 });
      await stripe.down();
      const res = await redeem(s, 'UNLUCKY', 'unlucky@xyz.example');
      expect(res.body).toMatchObject({ status: 'pending' });
      await s.env!.sleep('3 hours');
      expect(await s.client.workflow.getHandle(`subscription-${res.body.subscriptionId}`).result()).toBe('failed');
      return { stack: s, workflowId: `subscription-${res.body.subscriptionId}` };
    } finally {
      await stripe.close();
    }
  },

  // `temporal workflow cancel` (received with its first workflow task) is refused: created in Stripe as always.
  async 'temporal-cancel-refused'(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s, { usersAmount: 900 });
    await activeCampaign(s, w.groupId, { mode: 'shared', code: 'NOCANCEL', maxRedemptions: 5 });
    await s.stopWorker();
    const res = await redeem(s, 'NOCANCEL', 'kept@xyz.example');
    expect(res.body).toMatchObject({ status: 'pending' });
    await s.client.workflow.getHandle(`subscription-${res.body.subscriptionId}`).cancel();
    await s.startWorker();
    expect(await s.client.workflow.getHandle(`subscription-${res.body.subscriptionId}`).result()).toBe('active');
    return { stack: s, workflowId: `subscription-${res.body.subscriptionId}` };
  },

  abandoned: async (ctx) => ghostRun(await ctx.stack(), 'groupSubscriptionWorkflow', 'subscription-ghost', { subscriptionId: ghost(2), groupId: ghost(9) }),
};

export const groupImports: Drivers<'groupImportWorkflow'> = {
  async import(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s);
    const res = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: [{ email: 'a@xyz.example', name: 'A' }, { email: 'b@xyz.example', name: 'B' }] } });
    expect(res.status).toBe(202);
    expect(await s.client.workflow.getHandle(`job-${res.body.id}`).result()).toEqual({ created: 2, existing: 0, failed: 0 });
    return { stack: s, workflowId: `job-${res.body.id}` };
  },

  // `temporal workflow cancel` (received with its first workflow task) is refused: every row imported.
  async 'temporal-cancel-refused'(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s);
    await s.stopWorker();
    const res = await s.call('POST', `/v1/groups/${w.groupId}/imports`, { body: { users: [{ email: 'c@xyz.example', name: 'C' }, { email: 'd@xyz.example', name: 'D' }] } });
    expect(res.status).toBe(202);
    await s.client.workflow.getHandle(`job-${res.body.id}`).cancel();
    await s.startWorker();
    expect(await s.client.workflow.getHandle(`job-${res.body.id}`).result()).toEqual({ created: 2, existing: 0, failed: 0 });
    return { stack: s, workflowId: `job-${res.body.id}` };
  },

  abandoned: async (ctx) => ghostRun(await ctx.stack(), 'groupImportWorkflow', 'job-ghost', { jobId: ghost(3), groupId: ghost(9) }),
};

export const campaignCodeSends: Drivers<'campaignCodeSendsWorkflow'> = {
  async send(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s, { usersAmount: 900 });
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 3 });
    const res = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { body: { recipients: [{ email: 'a@xyz.example', name: 'A' }, { email: 'b@xyz.example', name: 'B' }] } });
    expect(res.status).toBe(202);
    expect(await s.client.workflow.getHandle(`job-${res.body.id}`).result()).toEqual({ sent: 2, alreadySent: 0, failed: 0 });
    return { stack: s, workflowId: `job-${res.body.id}` };
  },

  abandoned: async (ctx) => ghostRun(await ctx.stack(), 'campaignCodeSendsWorkflow', 'job-ghost-sends', { jobId: ghost(4), campaignId: ghost(8) }),
  async 'temporal-cancel-refused'(ctx) {
    const s = await ctx.stack();
    const w = await groupWorld(s, { usersAmount: 900 });
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 3 });
    await s.stopWorker();
    let jobId: string;
    try {
      const res = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { body: { recipients: [{ email: 'c@xyz.example', name: 'C' }] } });
      expect(res.status).toBe(202);
      jobId = res.body.id;
      await s.client.workflow.getHandle(`job-${jobId}`).cancel();
    } finally {
      await s.startWorker();
    }
    expect(await s.client.workflow.getHandle(`job-${jobId}`).result()).toEqual({ sent: 1, alreadySent: 0, failed: 0 });
    return { stack: s, workflowId: `job-${jobId}` };
  },
};
