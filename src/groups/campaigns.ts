import { WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../db/connect';
import { CAMPAIGN_TRANSITIONS, deactivation, type CampaignStatus, type CampaignTransition } from '../domain/groups/campaigns';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordEvent } from '../platform/events';
import { recordAudit } from '../repos/audit';
import type { Page } from '../repos/list';
import {
  campaignById,
  listCodes,
  type CampaignCode,
  getCampaign as readCampaign,
  insertCampaign,
  insertCodes,
  listCampaigns as readCampaigns,
  setCampaignFailure,
  transitionCampaign,
  type Campaign,
} from '../repos/groups/campaigns';
import { getGroup } from '../repos/groups/groups';
import { campaignWorkflowId, deactivateCampaignSignal } from '../../workflows/groups/campaign-definitions';
import { startGroupWorkflow } from './start';
import { requireGroupStripe } from './stripe';

export type CampaignRequest =
  | { mode: 'shared'; code: string; maxRedemptions: number; endsAt?: string }
  | { mode: 'unique'; count: number; endsAt?: string };

/**
 * Creates the campaign row (and a shared campaign's code, so a code already in use is refused
 * at once) and starts its workflow in the same transaction; the workflow does the Stripe work.
 */
export async function createCampaign(s: Pick<Services, 'sql' | 'stripe' | 'temporal' | 'taskQueue'>, p: Principal, groupId: string, req: CampaignRequest): Promise<Campaign> {
  requireGroupStripe(s.stripe);
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
    await startGroupWorkflow(s, group, 'campaignWorkflow', {
      workflowId: campaignWorkflowId(campaignId), args: [{ campaignId, groupId: group.id, endsAt: endsAt?.toISOString() ?? null }], kind: 'campaign', status: 'creating',
    });
    return campaignId;
  });
  return (await campaignById(s.sql, id))!;
}

/**
 * Makes one of the campaign's moves (CAMPAIGN_TRANSITIONS) with its audit entry, inside the
 * caller's transaction, if the campaign's status allows it now. Answers whether this call made it
 * and the status the campaign has afterwards (another writer may have moved it first).
 */
async function moveCampaign(
  tx: Db,
  id: string,
  transition: CampaignTransition,
  actor: string,
  o: { at?: Date; after?: Record<string, unknown> } = {},
): Promise<{ changed: boolean; status: CampaignStatus }> {
  const before = (await campaignById(tx, id))!;
  const changed = await transitionCampaign(tx, id, transition, o.at);
  const { to } = CAMPAIGN_TRANSITIONS[transition];
  if (!changed) return { changed, status: (await campaignById(tx, id))!.status };
  await recordAudit(tx, {
    actor, entity: 'campaign', entityId: id, action: transition, organizationId: before.organizationId,
    before: { status: before.status }, after: { status: to, ...o.after },
  });
  if (transition === 'close') {
    await recordEvent(tx, {
      type: 'campaign.closed', organizationId: before.organizationId,
      data: { campaignId: id, groupId: before.groupId, status: to, redemptions: before.redemptions },
    });
  }
  return { changed, status: to };
}

const workflowActor = (campaignId: string) => `workflow:campaign-${campaignId}`;

/**
 * creating → active once every code exists in Stripe; false when it was deactivated (or closed)
 * first. True, changing nothing, when it is active already: a run started again by a reset goes
 * on looking after the active campaign instead of deactivating it.
 */
export async function activateCampaign(s: Pick<Services, 'sql'>, id: string): Promise<boolean> {
  return s.sql.begin(async (tx) => {
    const moved = await moveCampaign(tx, id, 'activate', workflowActor(id));
    return moved.changed || moved.status === 'active';
  });
}

/** Closes the campaign at its end date (the workflow's timer instant, recorded exactly); answers its status. */
export async function closeCampaign(s: Pick<Services, 'sql'>, id: string, atIso: string): Promise<CampaignStatus> {
  return s.sql.begin(async (tx) => (await moveCampaign(tx, id, 'close', workflowActor(id), { at: new Date(atIso), after: { closedAt: atIso } })).status);
}

/**
 * The workflow's deactivation (the API's usually came first), recording why, e.g. when Stripe
 * refused a code, or `cause: 'temporal_cancel'` when ops cancelled the workflow from Temporal.
 */
export async function stopCampaign(s: Pick<Services, 'sql'>, id: string, failure: string | null, cause?: string): Promise<CampaignStatus> {
  return s.sql.begin(async (tx) => {
    if (failure) await setCampaignFailure(tx, id, failure);
    return (await moveCampaign(tx, id, 'deactivate', workflowActor(id), { after: { failure, ...(cause && { cause }) } })).status;
  });
}

/**
 * Stops a campaign now: the database refuses its codes from this commit on, and the signal
 * makes the workflow stop creating codes and retire the coupon in Stripe. Repeating is harmless.
 */
export async function deactivateCampaign(s: Pick<Services, 'sql' | 'temporal'>, p: Principal, id: string): Promise<Campaign> {
  await s.sql.begin(async (tx) => {
    const c = await readCampaign(tx, p, id);
    if (deactivation(c.status) === 'noop') return;
    const moved = await moveCampaign(tx, id, 'deactivate', actorOf(p));
    if (!moved.changed) {
      if (deactivation(moved.status) === 'noop') return;
      throw new AppError('INVALID_STATE', `The campaign is ${moved.status} and can no longer be deactivated`, { campaignStatus: moved.status });
    }
    try {
      await s.temporal.workflow.getHandle(campaignWorkflowId(id)).signal(deactivateCampaignSignal, { by: actorOf(p) });
    } catch (err) {
      // Only a workflow an operator terminated is gone while the campaign is open; the row is what counts.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  });
  return (await campaignById(s.sql, id))!;
}

export function getCampaign(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<Campaign> {
  return readCampaign(s.sql, p, id);
}

/** The campaigns of a group in the caller's scope. */
export async function listCampaigns(s: Pick<Services, 'sql'>, p: Principal, groupId: string, q: Page): Promise<Campaign[]> {
  const group = await getGroup(s.sql, p, groupId);
  return readCampaigns(s.sql, group.id, q);
}

export type { CampaignCode };

/** The CSV columns of a campaign's codes: the export's contract, older than the JSON list. */
export const CODE_EXPORT_COLUMNS = ['code', 'maxRedemptions', 'redemptions'] as const;

/** The codes that exist in Stripe (all of them once the campaign is active), in the order they were made. */
export async function listCampaignCodes(
  s: Pick<Services, 'sql'>,
  p: Principal,
  id: string,
  q: { redeemed?: boolean; after?: string; limit: number },
): Promise<CampaignCode[]> {
  const c = await readCampaign(s.sql, p, id);
  return listCodes(s.sql, c.id, q);
}
