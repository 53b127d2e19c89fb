import { WorkflowNotFoundError } from '@temporalio/client';
import { toCsv } from '../domain/groups/report';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import { recordAudit } from '../repos/audit';
import { campaignById, exportCodes, getCampaign, insertCampaign, insertCodes, transitionCampaign, type Campaign } from '../repos/groups/campaigns';
import { getGroup } from '../repos/groups/groups';
import { startLifecycle } from '../temporal/start';
import { GROUP_ID } from '../../workflows/platform/search-attribute-definitions';
import { campaignWorkflowId, deactivateCampaignSignal } from '../../workflows/groups/campaign-definitions';
import { requireStripe, type GroupServices } from './context';

export type CampaignRequest =
  | { mode: 'shared'; code: string; maxRedemptions: number; endsAt?: string }
  | { mode: 'unique'; count: number; endsAt?: string };

/**
 * Creates the campaign row (and a shared campaign's code, so a code already in use is refused
 * at once) and starts its workflow in the same transaction; the workflow does the Stripe work.
 */
export async function createCampaign(s: GroupServices, p: Principal, groupId: string, req: CampaignRequest): Promise<Campaign> {
  requireStripe(s.stripe);
  const endsAt = req.endsAt ? new Date(req.endsAt) : null;
  if (endsAt && endsAt.getTime() <= Date.now()) {
    throw new AppError('VALIDATION_FAILED', 'endsAt must be in the future', { errors: [{ path: 'endsAt', message: 'must be in the future' }] });
  }
  const id = await s.sql.begin(async (tx) => {
    const group = await getGroup(tx, p, groupId);
    const campaignId = await insertCampaign(tx, {
      groupId: group.id, mode: req.mode, endsAt, createdBy: p.userId,
      maxRedemptions: req.mode === 'shared' ? req.maxRedemptions : req.count,
      codeCount: req.mode === 'shared' ? 1 : req.count,
    });
    if (req.mode === 'shared' && (await insertCodes(tx, campaignId, [{ n: 1, code: req.code }], req.maxRedemptions)) === 0) {
      throw new AppError('CONFLICT', `The code ${req.code} is already in use (codes are never reused)`, { errors: [{ path: 'code', message: 'already in use' }] });
    }
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'campaign', entityId: campaignId, action: 'create', organizationId: group.organizationId,
      after: { groupId: group.id, ...req, status: 'creating' },
    });
    await startLifecycle(s.temporal, 'campaignWorkflow', {
      workflowId: campaignWorkflowId(campaignId),
      taskQueue: s.taskQueue,
      args: [{ campaignId, groupId: group.id, endsAt: endsAt?.toISOString() ?? null }],
      kind: 'campaign',
      organizationId: group.organizationId,
      status: 'creating',
      searchAttributes: [{ key: GROUP_ID, value: group.id }],
    });
    return campaignId;
  });
  return (await campaignById(s.sql, id))!;
}

/**
 * Stops a campaign now: the database refuses its codes from this commit on, and the signal
 * makes the workflow stop creating codes and retire the coupon in Stripe. Repeating is harmless.
 */
export async function deactivateCampaign(s: Pick<GroupServices, 'sql' | 'temporal'>, p: Principal, id: string): Promise<Campaign> {
  await s.sql.begin(async (tx) => {
    const c = await getCampaign(tx, p, id);
    if (c.status === 'deactivated') return;
    if (!(await transitionCampaign(tx, id, ['creating', 'active'], 'deactivated'))) {
      const now = (await campaignById(tx, id))!;
      if (now.status === 'deactivated') return;
      throw new AppError('INVALID_STATE', `The campaign is ${now.status} and can no longer be deactivated`, { status: now.status });
    }
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'campaign', entityId: id, action: 'deactivate', organizationId: c.organizationId,
      before: { status: c.status }, after: { status: 'deactivated' },
    });
    try {
      await s.temporal.workflow.getHandle(campaignWorkflowId(id)).signal(deactivateCampaignSignal, { by: actorOf(p) });
    } catch (err) {
      // Only a workflow an operator terminated is gone while the campaign is open; the row is what counts.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  });
  return (await campaignById(s.sql, id))!;
}

export const CODE_EXPORT_COLUMNS = ['code', 'maxRedemptions', 'redemptions'];

/** The codes that exist in Stripe (all of them once the campaign is active), as CSV. */
export async function campaignCodesCsv(s: Pick<GroupServices, 'sql'>, p: Principal, id: string): Promise<string> {
  const c = await getCampaign(s.sql, p, id);
  return toCsv(CODE_EXPORT_COLUMNS, await exportCodes(s.sql, c.id));
}
