// Failure types of the group-subscription lifecycle, in one place for both sides: activities throw
// them as ApplicationFailure types, workflows name them as non-retryable, services and the API
// answer the ones that are ErrorCodes. Values recorded in running workflows' histories never change.
import type { ErrorCode } from '../../errors';

/** A group user's subscription being created in Stripe (groupSubscriptionWorkflow, imports, campaigns). */
export const GroupSubscriptionFailure = {
  /** Stripe refused for good (bad parameters, a declined card): the workflows compensate instead of retrying. */
  STRIPE_REFUSED: 'StripeRefused',
  /** The reservation is gone, or Stripe is not connected: there is nothing to create. */
  NOTHING_TO_PROVISION: 'NothingToProvision',
} as const;

/** A coupon campaign's Stripe work (campaignWorkflow). */
export const CampaignFailure = {
  CAMPAIGN_NOT_FOUND: 'CampaignNotFound',
  STRIPE_NOT_CONNECTED: 'StripeNotConnected',
  /** Codes are created on the campaign's coupon, which must exist first. */
  COUPON_MISSING: 'CouponMissing',
} as const;

/** An import job (groupImportWorkflow). */
export const GroupImportFailure = {
  GROUP_NOT_FOUND: 'GroupNotFound',
} as const;

/**
 * Why a one-time code does not prove an address (LOCKED: too many wrong codes); each is the
 * problem code the API answers.
 */
export const ClaimRefusal = { LOCKED: 'CODE_EXHAUSTED', EXPIRED: 'CODE_EXPIRED', WRONG_CODE: 'VERIFICATION_FAILED' } as const satisfies Record<string, ErrorCode>;
export type ClaimRefusal = (typeof ClaimRefusal)[keyof typeof ClaimRefusal];

/** Why a code cannot be redeemed now; each is the problem code the API answers. */
export const RedemptionRefusal = {
  DEACTIVATED: 'CODE_DEACTIVATED',
  EXPIRED: 'CODE_EXPIRED',
  /** The campaign's codes are still being created. */
  NOT_ACTIVE: 'INVALID_STATE',
  EXHAUSTED: 'CODE_EXHAUSTED',
  /** This address redeemed a code of this campaign already. */
  ALREADY_REDEEMED: 'ALREADY_REDEEMED',
  /** This address has a subscription in the group already. */
  ALREADY_SUBSCRIBED: 'ALREADY_SUBSCRIBED',
} as const satisfies Record<string, ErrorCode>;
export type RedemptionRefusal = (typeof RedemptionRefusal)[keyof typeof RedemptionRefusal];

/** Stripe's own error codes the group activities act on. */
export const StripeErrorCode = {
  /** Deleting what Stripe no longer has: already done. */
  RESOURCE_MISSING: 'resource_missing',
} as const;
