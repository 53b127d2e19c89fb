import { randomBytes } from 'node:crypto';
import { ApplicationFailure, CancelledFailure, cancellationSignal, heartbeat } from '@temporalio/activity';
import type Stripe from 'stripe';
import type { ActivityDeps } from '../deps';
import { mapLimit } from '../../src/concurrency';
import { codeFromBytes, UNIQUE_CODE_LENGTH } from '../../src/domain/groups/codes';
import { recordAudit } from '../../src/repos/audit';
import {
  campaignById,
  codesWithoutStripe,
  insertCodes,
  missingCodeNumbers,
  recordCodeCreated,
  setCampaignCoupon,
  transitionCampaign,
  type Campaign,
  type CampaignStatus,
} from '../../src/repos/groups/campaigns';
import { findPlan, getProduct } from '../../src/repos/groups/catalog';
import { groupById } from '../../src/repos/groups/groups';
import { classifyStripe } from './subscriptions';

/** Promotion codes created at once: keeps well under Stripe's request rate limits. */
const STRIPE_CONCURRENCY = 4;
const GENERATE_CHUNK = 5000;

const actor = (campaignId: string) => `workflow:campaign-${campaignId}`;
/** Stripe refuses a past `redeem_by`/`expires_at`; our own database closes the campaign anyway. */
const futureSeconds = (at: Date | null) => (at && at.getTime() > Date.now() + 60_000 ? Math.floor(at.getTime() / 1000) : undefined);

function stopIfCancelled() {
  const signal = cancellationSignal();
  if (signal.aborted) throw new CancelledFailure(String(signal.reason ?? 'cancelled'));
}

export function createCampaignActivities({ sql, stripe }: Pick<ActivityDeps, 'sql' | 'stripe'>) {
  const load = async (campaignId: string): Promise<Campaign> => {
    const c = await campaignById(sql, campaignId);
    if (!c) throw ApplicationFailure.nonRetryable(`campaign ${campaignId} does not exist`, 'CampaignNotFound');
    return c;
  };
  const requireStripe = (): Stripe => {
    if (!stripe) throw ApplicationFailure.nonRetryable('Stripe is not connected', 'StripeNotConnected');
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
      if (!c.stripeCouponId) throw ApplicationFailure.nonRetryable('the coupon must exist first', 'CouponMissing');
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
      const [done] = await sql<{ n: number }[]>`
        select count(*)::int as n from campaign_codes where campaign_id = ${campaignId} and stripe_promotion_code_id is not null`;
      return { remaining: c.codeCount - done!.n };
    },

    async activateCampaign(campaignId: string): Promise<boolean> {
      return sql.begin(async (tx) => {
        const changed = await transitionCampaign(tx, campaignId, ['creating'], 'active');
        if (changed) await recordAudit(tx, { actor: actor(campaignId), entity: 'campaign', entityId: campaignId, action: 'activate', organizationId: (await campaignById(tx, campaignId))?.organizationId, before: { status: 'creating' }, after: { status: 'active' } });
        return changed;
      });
    },

    /** Closes the campaign at its end date (the workflow's timer instant, recorded exactly). */
    async closeCampaign(campaignId: string, atIso: string): Promise<CampaignStatus> {
      return sql.begin(async (tx) => {
        const before = await campaignById(tx, campaignId);
        const changed = await transitionCampaign(tx, campaignId, ['creating', 'active'], 'closed', new Date(atIso));
        if (changed) await recordAudit(tx, { actor: actor(campaignId), entity: 'campaign', entityId: campaignId, action: 'close', organizationId: before?.organizationId, before: { status: before?.status }, after: { status: 'closed', closedAt: atIso } });
        return changed ? 'closed' : before!.status;
      });
    },

    /** Deactivates (the API usually did already) and records why, e.g. when Stripe refused a code. */
    async deactivateCampaign(campaignId: string, failure: string | null): Promise<CampaignStatus> {
      return sql.begin(async (tx) => {
        const before = await campaignById(tx, campaignId);
        const changed = await transitionCampaign(tx, campaignId, ['creating', 'active'], 'deactivated');
        if (failure) await tx`update campaigns set failure = ${failure} where id = ${campaignId}`;
        if (changed) await recordAudit(tx, { actor: actor(campaignId), entity: 'campaign', entityId: campaignId, action: 'deactivate', organizationId: before?.organizationId, before: { status: before?.status }, after: { status: 'deactivated', failure } });
        return changed ? 'deactivated' : before!.status;
      });
    },

    /** Deletes the coupon in Stripe: its codes stop working there too; existing subscriptions keep their discount. */
    async retireCampaignCoupon(campaignId: string): Promise<void> {
      const c = await load(campaignId);
      if (!c.stripeCouponId) return;
      try {
        await requireStripe().coupons.del(c.stripeCouponId);
      } catch (err) {
        if ((err as { code?: string }).code !== 'resource_missing') throw err;
      }
    },
  };
}
