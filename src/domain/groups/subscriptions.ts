// A group subscription's lifecycle as pure rules. A group user's subscription is reserved
// (pending) in the database first, then created in Stripe (active) or released (failed); an
// owner's subscription is created in Stripe before its row, so it starts active.

export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'failed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export type SubscriptionSource = 'direct' | 'import' | 'redemption' | 'ip_claim' | 'email_claim';
export type Collection = 'charge_automatically' | 'send_invoice';

/** The two ways out of a reservation; both happen once, from pending only. */
export const SUBSCRIPTION_TRANSITIONS = {
  activate: { from: 'pending', to: 'active' },
  release: { from: 'pending', to: 'failed' },
} as const satisfies Record<string, { from: SubscriptionStatus; to: SubscriptionStatus }>;

/** Still waiting for Stripe: the subscription may be provisioned or released. */
export const awaitsStripe = (status: SubscriptionStatus): status is 'pending' => status === SUBSCRIPTION_TRANSITIONS.activate.from;

/** Exists in Stripe: what reports count, and what an owner's subscription must be to found a group. */
export const existsInStripe = (status: SubscriptionStatus): boolean => status === 'active';

/**
 * Holds its address's one place in the group (pending or active). A released one does not, so the
 * person can try again. The database's partial unique index on group users says the same.
 */
export const holdsPlace = (status: SubscriptionStatus): boolean => status !== 'failed';

/** How a group user came in, from how their access claim was granted. */
export const claimSource = (via: 'ip' | 'email_domain'): SubscriptionSource => (via === 'ip' ? 'ip_claim' : 'email_claim');

/** What a redemption answers while its subscription is created: redeemed once Stripe has it. */
export const redemptionStatus = (status: SubscriptionStatus): 'redeemed' | 'pending' => (existsInStripe(status) ? 'redeemed' : 'pending');
