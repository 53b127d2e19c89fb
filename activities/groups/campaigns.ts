import { randomBytes } from 'node:crypto';
import { ApplicationFailure, CancelledFailure, cancellationSignal, heartbeat } from '@temporalio/activity';
import type Stripe from 'stripe';
import type { ActivityDeps } from '../deps';
import { mapLimit } from '../../src/concurrency';
import { codeFromBytes, UNIQUE_CODE_LENGTH } from '../../src/domain/groups/codes';
import type { CampaignStatus } from '../../src/domain/groups/campaigns';
import { CampaignFailure, StripeErrorCode } from '../../src/domain/groups/failures';
import { activateCampaign, closeCampaign, stopCampaign } from '../../src/groups/campaigns';
import {
  campaignById,
  codesInStripe,
  codesWithoutStripe,
  insertCodes,
  missingCodeNumbers,
  recordCodeCreated,
  setCampaignCoupon,
  type Campaign,
} from '../../src/repos/groups/campaigns';
import { findPlan, getProduct } from '../../src/repos/groups/catalog';
import { groupById } from '../../src/repos/groups/groups';
import { classifyStripe } from './subscriptions';

/** Promotion codes created at once: keeps well under Stripe's request rate limits. */
const STRIPE_CONCURRENCY = 4;
const GENERATE_CHUNK = 5000;

/** Stripe refuses a past `redeem_by`/`expires_at`; our own database closes the campaign anyway. */
const futureSeconds = (at: Date | null) => (at && at.getTime() > Date.now() + 60_000 ? Math.floor(at.getTime() / 1000) : undefined);

function stopIfCancelled() {
  const signal = cancellationSignal();
  if (signal.aborted) throw new CancelledFailure(String(signal.reason ?? 'cancelled'));
}

export function createCampaignActivities(deps: Pick<ActivityDeps, 'sql' | 'stripe'>) {
  const { sql, stripe } = deps;
  const load = async (campaignId: string): Promise<Campaign> => {
    const c = await campaignById(sql, campaignId);
    if (!c) throw ApplicationFailure.nonRetryable(`campaign ${campaignId} does not exist`, CampaignFailure.CAMPAIGN_NOT_FOUND);
    return c;
  };
  const requireStripe = (): Stripe => {
    if (!stripe) throw ApplicationFailure.nonRetryable('Stripe is not connected', CampaignFailure.STRIPE_NOT_CONNECTED);
    return stripe;
  };

  return {
    /** The campaign's 100 %-off coupon, limited to the users plan's product; created once. */
    async createCampaignCoupon(campaignId: string): Promise<string> {
      const c = await load(campaignId);
      if (c.stripeCouponId) return c.stripeCouponId;
      const group = (await groupById(sql, c.groupId))!;
      const plan = (await findPlan(sql, group.usersPlanId))!;
      const product = await getProduct(sql, plan.productId);
      const coupon = await classifyStripe(() =>
        requireStripe().coupons.create(
          {
            percent_off: 100,
            duration: 'forever',
            name: `${group.name}`.slice(0, 40),
            max_redemptions: c.mode === 'shared' ? c.maxRedemptions : c.codeCount,
            redeem_by: futureSeconds(c.endsAt),
            applies_to: { products: [product.stripeProductId] },
            metadata: { campaignId, groupId: c.groupId, mode: c.mode },
          },
          { idempotencyKey: `campaign-${campaignId}-coupon` },
        ),
      );
      await setCampaignCoupon(sql, campaignId, coupon.id);
      return coupon.id;
    },

    /**
     * Writes the code strings of a unique campaign into our database first (numbered 1..count,
     * each string unique forever); resumable: only missing numbers are generated.
     */
    async prepareCampaignCodes(campaignId: string): Promise<number> {
      const c = await load(campaignId);
      if (c.mode !== 'unique') return c.codeCount;
      for (;;) {
        const missing = await missingCodeNumbers(sql, campaignId, c.codeCount, GENERATE_CHUNK);
        if (missing.length === 0) return c.codeCount;
        const codes = missing.map((n) => ({ n, code: codeFromBytes(randomBytes(UNIQUE_CODE_LENGTH)) }));
        // A string already taken is skipped and its number comes round again with a fresh one.
        await insertCodes(sql, campaignId, codes, 1);
        heartbeat({ generatedUpTo: missing.at(-1) });
        stopIfCancelled();
      }
    },

    /**
     * Creates up to `limit` of the campaign's codes in Stripe (idempotency key
     * campaign-<id>-code-<n>), recording each as it goes: a crash loses no progress and a retry
     * creates nothing twice. Answers how many codes are still to create.
     */
    async createCampaignCodeBatch(campaignId: string, limit: number): Promise<{ remaining: number }> {
      const c = await load(campaignId);
      const s = requireStripe();
      if (!c.stripeCouponId) throw ApplicationFailure.nonRetryable('the coupon must exist first', CampaignFailure.COUPON_MISSING);
      const rows = await codesWithoutStripe(sql, campaignId, limit);
      const expiresAt = futureSeconds(c.endsAt);
      await mapLimit(rows, STRIPE_CONCURRENCY, async (row) => {
        stopIfCancelled();
        const promo = await classifyStripe(() =>
          s.promotionCodes.create(
            {
              promotion: { type: 'coupon', coupon: c.stripeCouponId! },
              code: row.code,
              max_redemptions: row.maxRedemptions,
              ...(expiresAt && { expires_at: expiresAt }),
              metadata: { campaignId, groupId: c.groupId, n: String(row.n) },
            },
            { idempotencyKey: `campaign-${campaignId}-code-${row.n}` },
          ),
        );
        await recordCodeCreated(sql, campaignId, row.n, promo.id);
        heartbeat({ n: row.n });
      });
      return { remaining: c.codeCount - (await codesInStripe(sql, campaignId)) };
    },

    /** creating → active once every code exists; false when the API deactivated it first. */
    async activateCampaign(campaignId: string): Promise<boolean> {
      return activateCampaign(deps, campaignId);
    },

    /** Closes the campaign at its end date (the workflow's timer instant, recorded exactly). */
    async closeCampaign(campaignId: string, atIso: string): Promise<CampaignStatus> {
      return closeCampaign(deps, campaignId, atIso);
    },

    /** Deactivates (the API usually did already) and records why, e.g. when Stripe refused a code. */
    async deactivateCampaign(campaignId: string, failure: string | null, cause?: string): Promise<CampaignStatus> {
      return stopCampaign(deps, campaignId, failure, cause);
    },

    /** Deletes the coupon in Stripe: its codes stop working there too; existing subscriptions keep their discount. */
    async retireCampaignCoupon(campaignId: string): Promise<void> {
      const c = await load(campaignId);
      if (!c.stripeCouponId) return;
      try {
        await requireStripe().coupons.del(c.stripeCouponId);
      } catch (err) {
        if ((err as { code?: string }).code !== StripeErrorCode.RESOURCE_MISSING) throw err;
      }
    },
  };
}
