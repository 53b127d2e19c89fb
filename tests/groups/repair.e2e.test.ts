import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { campaignStateQuery } from '../../workflows/groups/campaign-definitions';
import { scheduledActivities } from '../support/history';
import { resetToFirstWorkflowTask } from '../support/reset';
import { suiteStack } from '../support/suite';
import { activeCampaign, groupWorld, redeem, waitFor } from './world';

describe('a coupon campaign repaired from Temporal', () => {
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, (s) => groupWorld(s, { usersAmount: 1500 }));
  const from = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
  const handleOf = (id: string) => s.client.workflow.getHandle(`campaign-${id}`);

  it('`temporal workflow cancel` deactivates it as the API does: refused redemptions, coupon deleted, workflow Canceled', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'OPSCANCEL', maxRedemptions: 10 });
    expect((await redeem(s, 'OPSCANCEL', 'before@xyz.example', from(1))).status).toBe(201);

    await handleOf(campaign.id).cancel();
    const ended = await handleOf(campaign.id).result().catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(WorkflowFailedError);
    expect((ended as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    const described = await handleOf(campaign.id).describe();
    expect(described.status.name).toBe('CANCELLED');
    expect(described.searchAttributes.PartnerflowStatus).toEqual(['deactivated']);

    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body).toMatchObject({ status: 'deactivated', redemptions: 1, deactivatedAt: expect.any(String) });
    const late = await redeem(s, 'OPSCANCEL', 'after@xyz.example', from(2));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CODE_DEACTIVATED');
    // The coupon was deleted in Stripe after the deactivation was recorded.
    expect((await scheduledActivities(handleOf(campaign.id))).slice(-2)).toEqual(['deactivateCampaign', 'retireCampaignCoupon']);
    const audit = await s.call('GET', `/v1/audit?entity=campaign&id=${campaign.id}`);
    const deactivations = audit.body.items.filter((e: { action: string }) => e.action === 'deactivate');
    expect(deactivations).toHaveLength(1);
    expect(deactivations[0]).toMatchObject({ actor: `workflow:campaign-${campaign.id}`, before: { status: 'active' }, after: { status: 'deactivated', cause: 'temporal_cancel' } });
    // A later API deactivation is harmless.
    expect((await s.call('POST', `/v1/campaigns/${campaign.id}/deactivate`, { body: {} })).status).toBe(200);
  });

  it('reset to its first workflow task: the run finds the campaign active and keeps it so', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'OPSRESET', maxRedemptions: 10 });
    const runId = await resetToFirstWorkflowTask(s.client, `campaign-${campaign.id}`);
    const handle = s.client.workflow.getHandle(`campaign-${campaign.id}`, runId);
    await waitFor(() => scheduledActivities(handle), (a) => a.includes('activateCampaign'), { what: 'the reset run to reach the activation again' });
    await waitFor(() => handle.query(campaignStateQuery), (st) => st.status === 'active', { what: 'the reset run to say active' });
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['active']);
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.status).toBe('active');
    expect((await redeem(s, 'OPSRESET', 'reset@xyz.example', from(3))).status).toBe(201);
    // Still the one live run: the API's deactivation reaches it and it retires the coupon.
    expect((await s.call('POST', `/v1/campaigns/${campaign.id}/deactivate`, { body: {} })).status).toBe(200);
    expect(await handle.result()).toBe('deactivated');
    const actions = (await s.call('GET', `/v1/audit?entity=campaign&id=${campaign.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['create', 'activate', 'deactivate']);
  });
});
