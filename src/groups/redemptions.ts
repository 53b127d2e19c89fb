import type { Db } from '../db/connect';
import { normalizeCode } from '../domain/groups/codes';
import { AppError } from '../errors';
import { recordAudit } from '../repos/audit';
import { findCode, hasRedeemed, insertRedemption, takeRedemption, type CampaignStatus } from '../repos/groups/campaigns';
import { groupById } from '../repos/groups/groups';
import { liveGroupUser } from '../repos/groups/subscriptions';
import { requireStripe, type GroupServices } from './context';
import { awaitProvisioning, reserveGroupUser, startProvisioning } from './enrol';

export interface RedemptionResult {
  id: string;
  campaignId: string;
  status: 'redeemed' | 'pending';
  subscriptionId: string;
  subscriptionStatus: 'active' | 'pending';
}

/** Why a code cannot be redeemed now, in the order a user can act on. */
function refusal(c: { status: CampaignStatus; expired: boolean; redemptions: number; maxRedemptions: number }): AppError | undefined {
  if (c.status === 'deactivated') return new AppError('CODE_DEACTIVATED', 'This code has been deactivated');
  if (c.status === 'closed' || c.expired) return new AppError('CODE_EXPIRED', 'This code has expired');
  if (c.status === 'creating') return new AppError('INVALID_STATE', 'This code is not active yet; try again shortly');
  if (c.redemptions >= c.maxRedemptions) return new AppError('CODE_EXHAUSTED', 'This code has been used up');
  return undefined;
}

/** A concurrent request for the same address may have committed first: say which way it is in. */
async function alreadyIn(tx: Db, campaignId: string, email: string): Promise<AppError> {
  return (await hasRedeemed(tx, campaignId, email))
    ? new AppError('ALREADY_REDEEMED', 'This address has already redeemed a code of this campaign')
    : new AppError('ALREADY_SUBSCRIBED', 'This address already has a subscription in this group');
}

/**
 * A public redemption: counted against the code and the user's subscription reserved in one
 * transaction (which also starts the workflow that creates it in Stripe, or releases it).
 * The code's row serialises concurrent redemptions, and its CHECK makes over-redeeming
 * impossible; the partial unique indexes make a second redemption by the same address fail.
 */
export async function redeem(s: GroupServices, input: { code: string; email: string; name: string }): Promise<RedemptionResult> {
  requireStripe(s.stripe);
  const email = input.email.toLowerCase();
  const found = await findCode(s.sql, normalizeCode(input.code));
  if (!found) throw new AppError('NOT_FOUND', 'Unknown code');
  const early = refusal(found);
  if (early) throw early;
  const group = (await groupById(s.sql, found.groupId))!;

  const reserved = await s.sql.begin(async (tx) => {
    // Share-locks the campaign: a deactivation commits before or after this redemption, never during.
    const [campaign] = await tx<{ status: CampaignStatus; expired: boolean }[]>`
      select status, (ends_at is not null and ends_at <= now()) as expired from campaigns where id = ${found.campaignId} for share`;
    const late = refusal({ ...campaign!, redemptions: 0, maxRedemptions: 1 });
    if (late) throw late;
    if (await liveGroupUser(tx, group.id, email)) throw await alreadyIn(tx, found.campaignId, email);
    if (!(await takeRedemption(tx, found.campaignId, found.n))) throw new AppError('CODE_EXHAUSTED', 'This code has been used up');
    const sub = await reserveGroupUser(tx, { group, email, name: input.name, source: 'redemption', campaignId: found.campaignId, actor: 'public' });
    if (!sub) throw await alreadyIn(tx, found.campaignId, email);
    const redemptionId = await insertRedemption(tx, { campaignId: found.campaignId, n: found.n, subscriptionId: sub.id, email });
    if (!redemptionId) throw new AppError('ALREADY_REDEEMED', 'This address has already redeemed a code of this campaign');
    await recordAudit(tx, {
      actor: 'public', entity: 'redemption', entityId: redemptionId, action: 'create', organizationId: group.organizationId,
      after: { campaignId: found.campaignId, code: found.n, subscriptionId: sub.id, status: 'pending' },
    });
    await startProvisioning(s, sub, group);
    return { redemptionId, subscriptionId: sub.id };
  });

  const sub = await awaitProvisioning(s, reserved.subscriptionId);
  if (sub.status === 'failed') {
    throw new AppError('UNAVAILABLE', 'Your subscription could not be created in Stripe; the code was not used, please try again later');
  }
  return {
    id: reserved.redemptionId,
    campaignId: found.campaignId,
    status: sub.status === 'active' ? 'redeemed' : 'pending',
    subscriptionId: sub.id,
    subscriptionStatus: sub.status,
  };
}
