// A coupon campaign's lifecycle as pure rules: creating → active → closed | deactivated, and which
// redemptions each status allows. The API, the activities and the workflow share them.
import { RedemptionRefusal } from './failures';

export const CAMPAIGN_STATUSES = ['creating', 'active', 'closed', 'deactivated'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignMode = 'shared' | 'unique';

/**
 * Every move a campaign makes, from where. Activation happens once all codes exist in Stripe; a
 * campaign closes at its end date, or is deactivated (by a manager, or when Stripe refused a code)
 * while it is being created or active. Closed and deactivated are final.
 */
export const CAMPAIGN_TRANSITIONS = {
  activate: { from: ['creating'], to: 'active' },
  close: { from: ['creating', 'active'], to: 'closed' },
  deactivate: { from: ['creating', 'active'], to: 'deactivated' },
} as const satisfies Record<string, { from: readonly CampaignStatus[]; to: CampaignStatus }>;
export type CampaignTransition = keyof typeof CAMPAIGN_TRANSITIONS;

export const canTransition = (status: CampaignStatus, transition: CampaignTransition): boolean =>
  (CAMPAIGN_TRANSITIONS[transition].from as readonly CampaignStatus[]).includes(status);

/** A final status: the campaign never moves again, and its coupon is retired. */
export const isFinal = (status: CampaignStatus): boolean => status === 'closed' || status === 'deactivated';

/**
 * What deactivating a campaign in `status` does: nothing when it already is (repeating is
 * harmless), the move while it can, a refusal once it closed.
 */
export function deactivation(status: CampaignStatus): 'noop' | 'deactivate' | 'refuse' {
  if (status === 'deactivated') return 'noop';
  return canTransition(status, 'deactivate') ? 'deactivate' : 'refuse';
}

export interface RedeemableCode {
  status: CampaignStatus;
  /** The end date has passed (the database's clock, so every request agrees). */
  expired: boolean;
  redemptions: number;
  maxRedemptions: number;
}

const REFUSALS: Record<RedemptionRefusal, string> = {
  CODE_DEACTIVATED: 'This code has been deactivated',
  CODE_EXPIRED: 'This code has expired',
  INVALID_STATE: 'This code is not active yet; try again shortly',
  CODE_EXHAUSTED: 'This code has been used up',
  ALREADY_REDEEMED: 'This address has already redeemed a code of this campaign',
  ALREADY_SUBSCRIBED: 'This address already has a subscription in this group',
};

/** A refusal with the sentence the user reads. */
export const redemptionRefused = (code: RedemptionRefusal): { code: RedemptionRefusal; message: string } => ({ code, message: REFUSALS[code] });

/** What the campaign allows: only an active one's codes are redeemed, and only before its end date. */
export function campaignRefusal(c: Pick<RedeemableCode, 'status' | 'expired'>): { code: RedemptionRefusal; message: string } | undefined {
  // In the order a user can act on.
  if (c.status === 'deactivated') return redemptionRefused(RedemptionRefusal.DEACTIVATED);
  if (c.status === 'closed' || c.expired) return redemptionRefused(RedemptionRefusal.EXPIRED);
  if (c.status === 'creating') return redemptionRefused(RedemptionRefusal.NOT_ACTIVE);
  return undefined;
}

/** The campaign's refusal first, then the code's: a code with no room left is used up. */
export function redemptionRefusal(c: RedeemableCode): { code: RedemptionRefusal; message: string } | undefined {
  return campaignRefusal(c) ?? (c.redemptions >= c.maxRedemptions ? redemptionRefused(RedemptionRefusal.EXHAUSTED) : undefined);
}
