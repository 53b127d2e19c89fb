import { z } from '@hono/zod-openapi';
import { SHARED_CODE } from '../../../src/domain/groups/codes';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../../../src/domain/groups/subscriptions';

type Provisioned = Exclude<SubscriptionStatus, 'failed'>;
/** What a redemption or claim answers for its subscription: never failed (that is answered as 503). */
const NOT_FAILED = SUBSCRIPTION_STATUSES.filter((s): s is Provisioned => s !== 'failed') as [Provisioned, ...Provisioned[]];
import { Money } from '../../schemas';

export const Email = z.email().max(254).transform((e) => e.toLowerCase());
export const PersonName = z.string().trim().min(1).max(200);

export const ProductSchema = z
  .object({ id: z.uuid(), name: z.string(), description: z.string().nullable(), stripeProductId: z.string(), createdAt: z.date() })
  .openapi('Product');

export const PlanSchema = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    name: z.string(),
    description: z.string(),
    amount: z.number().int().openapi({ description: 'Minor units per interval; 0 = a free plan' }),
    currency: z.string(),
    price: Money,
    interval: z.enum(['day', 'week', 'month', 'year']),
    stripePriceId: z.string(),
    createdAt: z.date(),
  })
  .openapi('Plan');

export const CustomerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    stripeCustomerId: z.string().nullable(),
    defaultPaymentMethodId: z.string().nullable().openapi({
      description: "The card Stripe charges by default (invoice_settings.default_payment_method), as the last verified Stripe event said; set by a SetupIntent that succeeded",
    }),
    createdAt: z.date(),
  })
  .openapi('Customer');

export const SetupIntentSchema = z
  .object({
    id: z.string().openapi({ example: 'seti_1Pgag7B7WZ01zgkW' }),
    customerId: z.uuid(),
    status: z.string().openapi({ description: "Stripe's SetupIntent status (requires_payment_method until the card is confirmed)" }),
    clientSecret: z.string().openapi({ description: 'For Stripe.js confirmCardSetup; answered once, never stored by partnerflow' }),
  })
  .openapi('SetupIntent');

export const SubscriptionStatusSchema = z.enum(SUBSCRIPTION_STATUSES).openapi({
  description:
    "pending: being created in Stripe; failed: Stripe refused, released; otherwise Stripe's own status, kept up to date by Stripe's events " +
    '(incomplete, trialing, active, past_due, unpaid, paused, canceled, incomplete_expired). Live (counted by reports): trialing, active, past_due.',
});

export const SubscriptionSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    planId: z.uuid(),
    collection: z.enum(['charge_automatically', 'send_invoice']),
    daysUntilDue: z.number().int().nullable(),
    collectionReason: z.enum(['requested', 'card_on_file', 'no_card_on_file']).nullable().openapi({
      description: 'How the collection was chosen: as requested, or (none requested) by whether Stripe had a default card for the customer',
    }),
    groupId: z.uuid().nullable(),
    groupRole: z.enum(['owner', 'user']).nullable(),
    email: z.string().nullable().openapi({ description: "A group user's address" }),
    source: z.enum(['direct', 'import', 'redemption', 'ip_claim', 'email_claim']),
    campaignId: z.uuid().nullable(),
    jobId: z.uuid().nullable(),
    status: SubscriptionStatusSchema,
    stripeSubscriptionId: z.string().nullable(),
    stripeStatus: z.string().nullable().openapi({ description: "Stripe's own status (active, incomplete, …), also while ours is pending or failed" }),
    stripeStatusAt: z.date().nullable().openapi({ description: 'The instant of the Stripe state held (the last applied event, or the creation)' }),
    failure: z.string().nullable(),
    createdAt: z.date(),
    activatedAt: z.date().nullable(),
    endedAt: z.date().nullable().openapi({ description: 'When Stripe ended it (canceled, incomplete_expired)' }),
    removedAt: z.date().nullable().openapi({ description: 'When a manager or admin removed this user from the group (POST /v1/groups/{id}/users/{subscriptionId}/remove)' }),
    removedBy: z.uuid().nullable(),
    removalReason: z.string().nullable(),
  })
  .openapi('Subscription');

export const AccessRulesSchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    ipRanges: z.array(z.string()),
    emailDomains: z.array(z.string()),
    stripeCouponId: z.string().nullable().openapi({ description: 'Paid users plans: the 100 %-off Stripe coupon claims subscribe with' }),
    updatedAt: z.date(),
  })
  .openapi('AccessRules');

export const GroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organizationId: z.uuid().nullable(),
    ownerCustomerId: z.uuid(),
    ownerSubscriptionId: z.uuid(),
    usersPlanId: z.uuid(),
    createdAt: z.date(),
    accessRules: AccessRulesSchema.nullable().optional(),
  })
  .openapi('Group');

export const CampaignSchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    organizationId: z.uuid().nullable(),
    mode: z.enum(['shared', 'unique']),
    status: z.enum(['creating', 'active', 'closed', 'deactivated']),
    code: z.string().nullable().openapi({ description: 'The shared code (shared mode)' }),
    count: z.number().int().nullable().openapi({ description: 'Number of unique codes (unique mode)' }),
    maxRedemptions: z.number().int().openapi({ description: 'Shared: redemptions of the code; unique: one per code, so the number of codes' }),
    redemptions: z.number().int().openapi({ description: 'Redemptions counted so far (including ones whose subscription is being created)' }),
    codesCreated: z.number().int().openapi({ description: 'Codes created in Stripe so far' }),
    endsAt: z.date().nullable(),
    failure: z.string().nullable(),
    createdAt: z.date(),
    activatedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    deactivatedAt: z.date().nullable(),
  })
  .openapi('Campaign');

const EndsAt = z.iso.datetime({ offset: true }).optional().openapi({ description: 'When the campaign closes (ISO-8601); none = until deactivated' });
export const CreateCampaign = z
  .discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('shared'),
      code: z.string().trim().regex(SHARED_CODE, '3 to 64 letters and digits'),
      maxRedemptions: z.number().int().min(1).max(1_000_000),
      endsAt: EndsAt,
    }),
    z.strictObject({ mode: z.literal('unique'), count: z.number().int().min(1).max(100_000), endsAt: EndsAt }),
  ])
  .openapi('CreateCampaign', { example: { mode: 'shared', code: 'XYZCOUPONCODE', maxRedemptions: 50, endsAt: '2027-12-31T23:59:59Z' } });

export const RedemptionSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    status: z.enum(['redeemed', 'pending']),
    subscriptionId: z.uuid(),
    subscriptionStatus: z.enum(NOT_FAILED).openapi({
      description: "pending while Stripe is retried, then Stripe's status (active: a 100 %-off subscription is never charged)",
    }),
  })
  .openapi('Redemption');

export const ClaimSchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    status: z.enum(['granted', 'verification_sent']),
    via: z.enum(['ip', 'email_domain']),
    subscriptionId: z.uuid().nullable(),
    subscriptionStatus: z.enum(NOT_FAILED).nullable(),
    existing: z.boolean().openapi({ description: 'The address already had a subscription in this group: nothing new was created' }),
    codeExpiresAt: z.date().nullable(),
  })
  .openapi('AccessClaim');

export const CampaignCodeSchema = z
  .object({
    n: z.number().int().openapi({ description: 'The code\'s number within its campaign (the order codes were made in)' }),
    code: z.string(),
    maxRedemptions: z.number().int(),
    redemptions: z.number().int(),
  })
  .openapi('CampaignCode');
