// Failure types of the allotment lifecycles. These values are recorded in running workflows'
// histories (ApplicationFailure types, non-retryable error types): they never change.

/** What the response workflow's update validators refuse with; the completion and extension services map them to problem codes. */
export const ResponseFailure = {
  /** The response is completed or expired (or on its way there). */
  NOT_OPEN: 'ResponseNotOpen',
  /** An extension that does not move the expiry later. */
  EXPIRY_NOT_LATER: 'ExpiryNotLater',
} as const;

/** What the purchase activities fail with, and the Stripe refusal the purchase workflow does not retry. */
export const PurchaseFailure = {
  NOT_FOUND: 'PurchaseNotFound',
  STRIPE_NOT_CONNECTED: 'StripeNotConnected',
  /** Stripe's own error type for a request it will never accept. */
  STRIPE_INVALID_REQUEST: 'StripeInvalidRequestError',
} as const;
