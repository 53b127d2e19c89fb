import type { Db } from '../db/connect';
import { campaignRefusal, redemptionRefusal, redemptionRefused } from '../domain/groups/campaigns';
import { normalizeCode } from '../domain/groups/codes';
import { RedemptionRefusal } from '../domain/groups/failures';
import { redemptionStatus, type SubscriptionStatus } from '../domain/groups/subscriptions';
import { LimitedUse } from '../domain/rate-limits';
import { AppError } from '../errors';
import { limitUse } from '../platform/rate-limits';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { findCode, hasRedeemed, insertRedemption, lockCampaignForRedemption, takeRedemption } from '../repos/groups/campaigns';
import { groupById } from '../repos/groups/groups';
import { liveGroupUser } from '../repos/groups/subscriptions';
import { awaitProvisioning, reserveGroupUser, startProvisioning } from './enrol';
import { requireGroupStripe } from './stripe';

export interface RedemptionResult {
  id: string;
  campaignId: string;
  status: 'redeemed' | 'pending';
  subscriptionId: string;
  /** pending while Stripe is still retried; then Stripe's own status (active for a 100 %-off subscription). */
  subscriptionStatus: Exclude<SubscriptionStatus, 'failed'>;
}

/** A refusal as the problem the API answers. */
const refused = (r: { code: RedemptionRefusal; message: string }) => new AppError(r.code, r.message);
const refuse = (code: RedemptionRefusal) => refused(redemptionRefused(code));

/** A concurrent request for the same address may have committed first: say which way it is in. */
async function alreadyIn(tx: Db, campaignId: string, email: string): Promise<AppError> {
  return refuse((await hasRedeemed(tx, campaignId, email)) ? RedemptionRefusal.ALREADY_REDEEMED : RedemptionRefusal.ALREADY_SUBSCRIBED);
}

/**
 * A public redemption: counted against the code and the user's subscription reserved in one
 * transaction (which also starts the workflow that creates it in Stripe, or releases it; the
 * workflow waits for the commit). The code's row serialises concurrent redemptions at the
 * transaction's last statement, and its CHECK makes over-redeeming impossible; the partial
 * unique indexes make a second redemption by the same address fail.
 */
export async function redeem(s: Pick<Services, 'sql' | 'stripe' | 'temporal' | 'taskQueue' | 'config'>, input: { code: string; email: string; name: string }): Promise<RedemptionResult> {
  requireGroupStripe(s.stripe);
  const email = input.email.toLowerCase();
  const found = await findCode(s.sql, normalizeCode(input.code));
  if (!found) throw new AppError('NOT_FOUND', 'Unknown code');
  // Limited per code, never below what it was sold for (50 colleagues on a code for 50).
  await limitUse(s, LimitedUse.REDEMPTION_CODE, `${found.campaignId}:${found.n}`, found.maxRedemptions);
  const early = redemptionRefusal(found);
  if (early) throw refused(early);
  const group = (await groupById(s.sql, found.groupId))!;

  const reserved = await s.sql.begin(async (tx) => {
    const late = campaignRefusal(await lockCampaignForRedemption(tx, found.campaignId));
    if (late) throw refused(late);
    if (await liveGroupUser(tx, group.id, email)) throw await alreadyIn(tx, found.campaignId, email);
    const sub = await reserveGroupUser(tx, { group, email, name: input.name, source: 'redemption', campaignId: found.campaignId, actor: 'public' });
    if (!sub) throw await alreadyIn(tx, found.campaignId, email);
    const redemptionId = await insertRedemption(tx, { campaignId: found.campaignId, n: found.n, subscriptionId: sub.id, email });
    if (!redemptionId) throw refuse(RedemptionRefusal.ALREADY_REDEEMED);
    await recordAudit(tx, {
      actor: 'public', entity: 'redemption', entityId: redemptionId, action: 'create', organizationId: group.organizationId,
      after: { campaignId: found.campaignId, code: found.n, subscriptionId: sub.id, status: 'pending' },
    });
    await startProvisioning(s, sub, group);
    // Counted last: the code's row stays locked only from this UPDATE to the COMMIT, so
    // redemptions of one code do not queue behind each other's workflow start. A refusal here
    // rolls everything back; the workflow already started finds no row and ends abandoned.
    if (!(await takeRedemption(tx, found.campaignId, found.n))) throw refuse(RedemptionRefusal.EXHAUSTED);
    return { redemptionId, subscriptionId: sub.id };
  });

  const sub = await awaitProvisioning(s, reserved.subscriptionId);
  if (sub.status === 'failed') {
    throw new AppError('UNAVAILABLE', 'Your subscription could not be created in Stripe; the code was not used, please try again later');
  }
  return {
    id: reserved.redemptionId,
    campaignId: found.campaignId,
    status: redemptionStatus(sub.status),
    subscriptionId: sub.id,
    subscriptionStatus: sub.status as Exclude<SubscriptionStatus, 'failed'>,
  };
}
