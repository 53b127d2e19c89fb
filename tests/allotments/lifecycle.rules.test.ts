import { describe, expect, it } from 'vitest';
import { ResponseFailure, PurchaseFailure } from '../../src/domain/allotments/failures';
import {
  awaitsPayment,
  initialPurchaseStatus,
  isReversible,
  isLaterExpiry,
  OPEN_RESPONSE,
  purchaseMayBecome,
  RESPONSE_CLOSES_AS,
  responseAllows,
  UNSETTLED_PURCHASE,
  type PurchaseStatus,
  type ResponseAction,
  type ResponseStatus,
} from '../../src/domain/allotments/lifecycle';

const RESPONSE_STATUSES: ResponseStatus[] = ['invited', 'completed', 'expired'];
const ACTIONS: ResponseAction[] = ['complete', 'extend', 'expire'];
const PURCHASE_STATUSES: PurchaseStatus[] = ['pending_payment', 'payment_mismatch', 'paid', 'expired', 'granted'];

describe('the response lifecycle', () => {
  it('lets an open (invited) response be completed, extended or expired, and a closed one nothing', () => {
    for (const status of RESPONSE_STATUSES) {
      for (const action of ACTIONS) expect(responseAllows(status, action)).toBe(status === OPEN_RESPONSE);
    }
  });

  it('closes by completion into completed and by expiry into expired, both final', () => {
    expect(RESPONSE_CLOSES_AS).toEqual({ complete: 'completed', expire: 'expired' });
    for (const closed of Object.values(RESPONSE_CLOSES_AS)) for (const action of ACTIONS) expect(responseAllows(closed, action)).toBe(false);
  });

  it('extends only to a strictly later instant', () => {
    expect(isLaterExpiry(1_000, 1_001)).toBe(true);
    expect(isLaterExpiry(1_000, 1_000)).toBe(false);
    expect(isLaterExpiry(1_000, 999)).toBe(false);
  });
});

describe('the purchase lifecycle', () => {
  it('starts a Stripe purchase unsettled and a manual one granted', () => {
    expect(initialPurchaseStatus('stripe')).toBe(UNSETTLED_PURCHASE);
    expect(initialPurchaseStatus('manual')).toBe('granted');
  });

  it('settles pending_payment (or payment_mismatch) into paid or expired; a mismatch still waits; every other status is final', () => {
    const moves = PURCHASE_STATUSES.flatMap((from) => PURCHASE_STATUSES.filter((to) => purchaseMayBecome(from, to)).map((to) => `${from}→${to}`));
    expect(moves).toEqual(['pending_payment→payment_mismatch', 'pending_payment→paid', 'pending_payment→expired', 'payment_mismatch→paid', 'payment_mismatch→expired']);
  });

  it('hands out what pays it (client secret, Checkout URL) only while payment is awaited', () => {
    expect(PURCHASE_STATUSES.filter(awaitsPayment)).toEqual(['pending_payment', 'payment_mismatch']);
  });

  it('lets refunds and disputes take units back from paid purchases only', () => {
    expect(PURCHASE_STATUSES.filter(isReversible)).toEqual(['paid']);
  });
});

describe('failure types', () => {
  it('keep the values recorded in workflow histories', () => {
    expect(ResponseFailure).toEqual({ NOT_OPEN: 'ResponseNotOpen', EXPIRY_NOT_LATER: 'ExpiryNotLater' });
    expect(PurchaseFailure).toEqual({ NOT_FOUND: 'PurchaseNotFound', STRIPE_NOT_CONNECTED: 'StripeNotConnected', STRIPE_INVALID_REQUEST: 'StripeInvalidRequestError' });
  });
});
