// The states of the allotment lifecycles and what each state allows. Pure (and sandbox-safe):
// the services' pre-checks, the activities' transitions and the response workflow's update
// validators all read these rules, so they are written once.

/** A response: invited → completed (the completion update) or → expired (its timer). */
export type ResponseStatus = 'invited' | 'completed' | 'expired';

/** What may happen to a response: the two updates and the timer. */
export type ResponseAction = 'complete' | 'extend' | 'expire';

/** The one status a response leaves; SQL that closes or extends a response matches on it. */
export const OPEN_RESPONSE = 'invited' satisfies ResponseStatus;

const RESPONSE_ALLOWS: Record<ResponseStatus, readonly ResponseAction[]> = {
  invited: ['complete', 'extend', 'expire'],
  completed: [],
  expired: [],
};

export const responseAllows = (status: ResponseStatus, action: ResponseAction): boolean => RESPONSE_ALLOWS[status].includes(action);

/** Where a response goes when an action closes it. */
export const RESPONSE_CLOSES_AS = { complete: 'completed', expire: 'expired' } as const satisfies Partial<Record<ResponseAction, ResponseStatus>>;
export type ClosedResponseStatus = (typeof RESPONSE_CLOSES_AS)[keyof typeof RESPONSE_CLOSES_AS];

/** An extension must move the expiry strictly later than it is now (instants in ms). */
export const isLaterExpiry = (currentMs: number, nextMs: number): boolean => nextMs > currentMs;

/**
 * A purchase: a Stripe purchase is pending_payment until it is paid or its payment window
 * ends (expired); a manual grant is granted at creation. A signed payment event that names the
 * purchase but is not the payment it asked for (another PaymentIntent or Checkout Session, another
 * amount or currency) moves it to payment_mismatch: nothing is allocated, and it still waits for
 * the right payment. paid, expired and granted are final (refunds and disputes of a paid purchase
 * are recorded beside its status: refundedUnits, shortfall).
 */
export type PurchaseStatus = 'pending_payment' | 'payment_mismatch' | 'paid' | 'expired' | 'granted';
export type PurchaseOutcome = 'paid' | 'expired';
export type PaymentMethod = 'stripe' | 'manual';
/** How a Stripe purchase is paid: Stripe.js with the PaymentIntent's client secret, or a Stripe-hosted Checkout page. */
export type PaymentFlow = 'payment_intent' | 'checkout';

/** The status a Stripe purchase starts in. */
export const UNSETTLED_PURCHASE = 'pending_payment' satisfies PurchaseStatus;
/** A purchase that has seen a payment that is not its own (and still waits for its own). */
export const MISMATCHED_PURCHASE = 'payment_mismatch' satisfies PurchaseStatus;
/** The statuses a purchase settles from; the SQL that settles a purchase matches on them. */
export const UNSETTLED_PURCHASES: readonly PurchaseStatus[] = [UNSETTLED_PURCHASE, MISMATCHED_PURCHASE];

const PURCHASE_MOVES: Record<PurchaseStatus, readonly PurchaseStatus[]> = {
  pending_payment: ['payment_mismatch', 'paid', 'expired'],
  payment_mismatch: ['paid', 'expired'],
  paid: [],
  expired: [],
  granted: [],
};

export const purchaseMayBecome = (from: PurchaseStatus, to: PurchaseStatus): boolean => PURCHASE_MOVES[from].includes(to);

export const initialPurchaseStatus = (method: PaymentMethod): PurchaseStatus => (method === 'manual' ? 'granted' : UNSETTLED_PURCHASE);

/** Only a purchase waiting for payment hands out what pays it (client secret, Checkout URL). */
export const awaitsPayment = (status: PurchaseStatus): boolean => UNSETTLED_PURCHASES.includes(status);

/** Only a paid purchase has units a refund or dispute can take back. */
export const isReversible = (status: PurchaseStatus): boolean => status === 'paid';
