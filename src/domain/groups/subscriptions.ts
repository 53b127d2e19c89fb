// A group subscription's lifecycle as pure rules. A group user's subscription is reserved
// (pending) in the database first, then created in Stripe or released (failed); an owner's
// subscription is created in Stripe before its row. Once a subscription exists in Stripe its
// status is Stripe's own, and it follows Stripe's webhook events (the ordering rule below).

/** Stripe's subscription statuses (https://docs.stripe.com/api/subscriptions/object#subscription_object-status). */
export const STRIPE_SUBSCRIPTION_STATUSES = ['incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled', 'incomplete_expired'] as const;
export type StripeSubscriptionStatus = (typeof STRIPE_SUBSCRIPTION_STATUSES)[number];

/** Ours before (pending) or instead of (failed) Stripe's; Stripe's in between. */
export const SUBSCRIPTION_STATUSES = ['pending', ...STRIPE_SUBSCRIPTION_STATUSES, 'failed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export type SubscriptionSource = 'direct' | 'import' | 'redemption' | 'ip_claim' | 'email_claim';
export type Collection = 'charge_automatically' | 'send_invoice';

/** The two ways out of a reservation; both happen once, from pending only. */
export const SUBSCRIPTION_TRANSITIONS = {
  activate: { from: 'pending', to: 'active' },
  release: { from: 'pending', to: 'failed' },
} as const satisfies Record<string, { from: SubscriptionStatus; to: SubscriptionStatus }>;

export const isStripeStatus = (status: string): status is StripeSubscriptionStatus => (STRIPE_SUBSCRIPTION_STATUSES as readonly string[]).includes(status);

/** Still waiting for Stripe: the subscription may be provisioned or released. */
export const awaitsStripe = (status: SubscriptionStatus): status is 'pending' => status === SUBSCRIPTION_TRANSITIONS.activate.from;

/** Exists in Stripe (whatever Stripe says of it now). */
export const existsInStripe = (status: SubscriptionStatus): boolean => isStripeStatus(status);

/** Stripe never moves a subscription out of these: once Stripe says so, it stays so. */
export const hasEnded = (status: SubscriptionStatus): boolean => status === 'canceled' || status === 'incomplete_expired';

/**
 * Live: what reports count as a subscription. Stripe keeps these running and invoicing —
 * trialing, active, and past_due while Stripe retries the payment. incomplete (the first invoice
 * is not paid), unpaid, paused and ended ones are not live.
 */
export const LIVE_STATUSES = ['trialing', 'active', 'past_due'] as const satisfies readonly StripeSubscriptionStatus[];
export const isLive = (status: SubscriptionStatus): boolean => (LIVE_STATUSES as readonly string[]).includes(status);

/** An owner's subscription may found a group while it exists in Stripe and has not ended. */
export const canFoundGroup = (status: SubscriptionStatus): boolean => existsInStripe(status) && !hasEnded(status);

/**
 * Holds its address's one place in the group: reserved, or in Stripe and not ended. A released or
 * ended one does not, so the person can come in again. The database's partial unique index on
 * group users says the same.
 */
export const holdsPlace = (status: SubscriptionStatus): boolean => status !== 'failed' && !hasEnded(status);
export const PLACE_FREEING_STATUSES = SUBSCRIPTION_STATUSES.filter((s) => !holdsPlace(s));

/** How a group user came in, from how their access claim was granted. */
export const claimSource = (via: 'ip' | 'email_domain'): SubscriptionSource => (via === 'ip' ? 'ip_claim' : 'email_claim');

/** What a redemption answers while its subscription is created: redeemed once Stripe has it. */
export const redemptionStatus = (status: SubscriptionStatus): 'redeemed' | 'pending' => (existsInStripe(status) ? 'redeemed' : 'pending');

/** What the provisioning workflow knows: still waiting, created in Stripe, or released. */
export const provisioningOutcome = (status: SubscriptionStatus): 'pending' | 'active' | 'failed' =>
  awaitsStripe(status) ? 'pending' : status === 'failed' ? 'failed' : 'active';

// ---- Following Stripe ------------------------------------------------------------------------

/** A subscription's state in Stripe as of an instant (an event's or the subscription's `created`). */
export interface StripeState {
  status: StripeSubscriptionStatus;
  at: Date;
}

/**
 * Stripe's answer as a state: `at` in Stripe's seconds (or a Date). A status this code does not
 * know yet (Stripe adds some now and then) counts as incomplete: neither live nor ended.
 */
export function stripeStateOf(status: string, at: number | Date): StripeState {
  return { status: isStripeStatus(status) ? status : 'incomplete', at: typeof at === 'number' ? new Date(at * 1000) : at };
}

/**
 * How far along its life a status is, for events of the same second: a subscription moves
 * incomplete → trialing → active → past_due → unpaid → paused → canceled within one second, never back.
 */
const STRIPE_ORDER: Record<StripeSubscriptionStatus, number> = {
  incomplete: 0, trialing: 1, active: 2, past_due: 3, unpaid: 4, paused: 5, canceled: 6, incomplete_expired: 6,
};

/**
 * Whether `incoming` replaces the state we hold. Events arrive in any order, so:
 * 1. an ended state (canceled, incomplete_expired) is final: nothing replaces it, and it replaces
 *    anything, whenever it was sent (Stripe never revives an ended subscription);
 * 2. otherwise the newer state wins (the event's `created`, the second Stripe made it);
 * 3. in the same second, the one further along its life wins; the same state changes nothing.
 */
export function supersedes(current: StripeState | null, incoming: StripeState): boolean {
  if (!current) return true;
  if (hasEnded(current.status)) return false;
  if (hasEnded(incoming.status)) return true;
  const dt = incoming.at.getTime() - current.at.getTime();
  if (dt !== 0) return dt > 0;
  return STRIPE_ORDER[incoming.status] > STRIPE_ORDER[current.status];
}

/**
 * The subscription's status an invoice event implies, from the one we hold (incomplete when we
 * hold none yet). A paid invoice puts an unpaid, past-due or first-time subscription in good
 * standing; a failed payment makes a running one past due (a first invoice stays incomplete).
 */
export function statusAfterInvoice(current: StripeSubscriptionStatus | null, outcome: 'paid' | 'payment_failed'): StripeSubscriptionStatus {
  const from = current ?? 'incomplete';
  if (outcome === 'paid') return from === 'incomplete' || from === 'past_due' || from === 'unpaid' ? 'active' : from;
  return from === 'active' || from === 'trialing' ? 'past_due' : from;
}

/** The status a subscription row shows once `stripe` is Stripe's: ours while pending or released, Stripe's otherwise. */
export const statusFollowingStripe = (current: SubscriptionStatus, stripe: StripeSubscriptionStatus): SubscriptionStatus =>
  current === 'pending' || current === 'failed' ? current : stripe;

// ---- Collection ------------------------------------------------------------------------------

export type CollectionReason = 'requested' | 'card_on_file' | 'no_card_on_file';

/**
 * "Charge them on a CC if one is available or an invoice will be sent" (seed 003): an explicit
 * collection is kept; without one, a default card in Stripe means charge_automatically and no
 * card means send_invoice.
 */
export function chooseCollection(requested: Collection | undefined, defaultPaymentMethod: string | null): { collection: Collection; reason: CollectionReason } {
  if (requested) return { collection: requested, reason: 'requested' };
  return defaultPaymentMethod ? { collection: 'charge_automatically', reason: 'card_on_file' } : { collection: 'send_invoice', reason: 'no_card_on_file' };
}

// ---- Never a charge for a group user -----------------------------------------------------------

export type Discount = { promotionCode: string } | { coupon: string };

/**
 * The discount a group user's subscription is created with: a redemption's promotion code, or
 * the group's 100 %-off access coupon for a claim. A paid plan without one is refused: a group
 * user is never charged (imports and claims on a free plan need none).
 */
export function groupUserDiscount(v: {
  planAmount: number;
  source: SubscriptionSource;
  promotionCodeId: string | null;
  accessCouponId: string | null;
}): { ok: true; discount: Discount | null } | { ok: false; reason: string } {
  if (v.promotionCodeId) return { ok: true, discount: { promotionCode: v.promotionCodeId } };
  const claim = v.source === 'ip_claim' || v.source === 'email_claim';
  if (claim && v.accessCouponId && v.planAmount > 0) return { ok: true, discount: { coupon: v.accessCouponId } };
  if (v.planAmount === 0) return { ok: true, discount: null };
  return { ok: false, reason: 'a paid users plan needs a 100 %-off discount (a campaign code or the access coupon); nothing was created so nobody is charged' };
}
