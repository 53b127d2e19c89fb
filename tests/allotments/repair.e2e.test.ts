import { describe, expect, it } from 'vitest';
import { invitationStateQuery } from '../../workflows/allotments/response-definitions';
import { resetToFirstWorkflowTask } from '../support/reset';
import { ledger, partnerSuite, waitFor } from './world';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('a response changed by a manager, then repaired from Temporal', () => {
  const { s, w } = partnerSuite({ grant: 3 });

  async function invite(name: string): Promise<string> {
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, {
      token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email: `${name}@example.test`, name } },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  it('the audit trail names the manager who extended and completed it, with the organization and what it was before', async () => {
    const id = await invite('audited');
    const invited = (await s.call('GET', `/v1/responses/${id}`, { token: w.manager.token })).body;
    const later = inDays(20);
    expect((await s.call('POST', `/v1/responses/${id}/extend`, { token: w.manager.token, body: { expiresAt: later } })).status).toBe(200);
    expect((await s.call('POST', `/v1/responses/${id}/complete`, { token: w.manager.token })).status).toBe(200);

    // The organization's manager reads the trail (entries of other organizations are hidden from managers).
    const trail = await s.call('GET', `/v1/audit?entity=response&id=${id}`, { token: w.manager.token });
    expect(trail.status).toBe(200);
    const changes = (trail.body.items as { action: string }[]).filter((e) => e.action === 'extend' || e.action === 'complete');
    expect(changes).toHaveLength(2);
    expect(changes).toEqual([
      expect.objectContaining({
        actor: `user:${w.manager.userId}`, action: 'extend', organizationId: w.organizationId,
        before: { status: 'invited', expiresAt: invited.expiresAt }, after: { expiresAt: later },
      }),
      expect.objectContaining({
        actor: `user:${w.manager.userId}`, action: 'complete', organizationId: w.organizationId,
        before: { status: 'invited', expiresAt: later }, after: { status: 'completed' },
      }),
    ]);
  });

  it('reset to its first workflow task: the completion runs again, changes nothing, and the run says completed as the API does', async () => {
    const id = await invite('reset');
    expect((await s.call('POST', `/v1/responses/${id}/extend`, { token: w.manager.token, body: { expiresAt: inDays(30) } })).status).toBe(200);
    expect((await s.call('POST', `/v1/responses/${id}/complete`, { token: w.manager.token })).status).toBe(200);
    const ledgerBefore = await ledger(s, w.organizationId, w.assessmentId);

    const runId = await resetToFirstWorkflowTask(s.client, `response-${id}`);
    const handle = s.client.workflow.getHandle(`response-${id}`, runId);
    expect(await handle.result()).toBe('completed');
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['completed']);
    expect(await handle.query(invitationStateQuery)).toMatchObject({ status: 'completed' });
    expect((await s.call('GET', `/v1/responses/${id}`, { token: w.manager.token })).body).toMatchObject({ status: 'completed' });
    // Nothing counted twice, no second audit entry.
    expect(await ledger(s, w.organizationId, w.assessmentId)).toEqual(ledgerBefore);
    const trail = await s.call('GET', `/v1/audit?entity=response&id=${id}`, { token: w.manager.token });
    const actions = (trail.body.items as { action: string }[]).map((e) => e.action).filter((a) => a !== 'create');
    expect(actions).toEqual(['extend', 'complete']);
    await waitFor(async () => (await s.client.workflow.getHandle(`response-${id}`).describe()).runId, (r) => r === runId, { what: 'the reset run to be the current one' });
  });

  it('`temporal workflow cancel` is refused: the invitation goes on and the API still completes it', async () => {
    const id = await invite('cancelled');
    const handle = s.client.workflow.getHandle(`response-${id}`);
    await handle.cancel();
    await waitFor(async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      const requested = events.findIndex((e) => e.workflowExecutionCancelRequestedEventAttributes);
      return requested >= 0 && events.slice(requested).some((e) => e.workflowTaskCompletedEventAttributes);
    }, (seen) => seen, { what: 'the workflow to see the cancellation' });
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await handle.query(invitationStateQuery)).toMatchObject({ status: 'invited' });
    expect((await s.call('POST', `/v1/responses/${id}/complete`, { token: w.manager.token })).status).toBe(200);
    expect(await handle.result()).toBe('completed');
    expect((await s.call('GET', `/v1/responses/${id}`, { token: w.manager.token })).body).toMatchObject({ status: 'completed' });
  });
});
