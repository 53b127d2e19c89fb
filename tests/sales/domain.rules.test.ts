import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationInstant, addDays, cancellationDateOf, cancellationInstant, startOfDateUtc } from '../../src/domain/sales/dates';
import { SALE_REFUSALS, SaleFailure } from '../../src/domain/sales/failures';
import { isRenewalDue, keyExpiry, keyStatus, renewalAt, renewalWakeAt, renewedExpiry, RENEWAL_LEAD_MS } from '../../src/domain/sales/keys';
import {
  acceptsLaunch,
  activationDateRefusal,
  activationDue,
  canTake,
  hasTaken,
  isDecidable,
  isPastActivationDate,
  launchRefusal,
  SALE_TRANSITIONS,
  transitionRefusal,
} from '../../src/domain/sales/lifecycle';
import { SALE_STATUSES } from '../../src/domain/sales/types';
import { priceLine, PricingError, totalsByCurrency } from '../../src/domain/sales/pricing';

const DAY = 24 * 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

describe('sale prices', () => {
  it('prices a line: distribution price is the unit price, sales price is unit price × users', () => {
    expect(priceLine(1250, 40, 'EUR')).toEqual({
      distributionPrice: { amount: 1250, currency: 'EUR' },
      salesPrice: { amount: 50_000, currency: 'EUR' },
    });
    expect(priceLine(0, 3, 'USD').salesPrice).toEqual({ amount: 0, currency: 'USD' });
  });

  it('refuses amounts that are not exact integers of minor units', () => {
    expect(() => priceLine(12.5, 2, 'EUR')).toThrow(PricingError);
    expect(() => priceLine(-1, 2, 'EUR')).toThrow(PricingError);
    expect(() => priceLine(100, 0, 'EUR')).toThrow(PricingError);
    expect(() => priceLine(Number.MAX_SAFE_INTEGER, 2, 'EUR')).toThrow(/too large/);
  });

  it('is exact for any unit price and number of users', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (unit, users) => {
        const { salesPrice, distributionPrice } = priceLine(unit, users, 'EUR');
        expect(distributionPrice.amount).toBe(unit);
        expect(salesPrice.amount).toBe(unit * users);
        expect(Number.isSafeInteger(salesPrice.amount)).toBe(true);
      }),
    );
  });

  it('totals lines per currency', () => {
    const lines = [priceLine(100, 2, 'USD'), priceLine(1250, 4, 'EUR'), priceLine(50, 10, 'EUR')];
    expect(totalsByCurrency(lines)).toEqual([
      { amount: 5500, currency: 'EUR' },
      { amount: 200, currency: 'USD' },
    ]);
  });
});

describe('sale dates', () => {
  it('cancels 365 calendar days after activation, across a leap day', () => {
    expect(cancellationDateOf('2027-03-01')).toBe('2028-02-29');
    expect(cancellationDateOf('2026-01-01')).toBe('2027-01-01');
    expect(cancellationDateOf('2028-01-01')).toBe('2028-12-31');
    expect(cancellationDateOf('2027-12-31')).toBe('2028-12-30');
  });

  it('activates and cancels at 00:00 UTC of the dates', () => {
    expect(activationInstant('2027-03-01').toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(cancellationInstant('2027-03-01').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(cancellationInstant('2027-03-01').getTime() - activationInstant('2027-03-01').getTime()).toBe(365 * DAY);
  });

  it('refuses dates that do not exist', () => {
    expect(() => startOfDateUtc('2027-02-29')).toThrow(RangeError);
    expect(() => startOfDateUtc('2027-13-01')).toThrow(RangeError);
    expect(() => startOfDateUtc('1 March 2027')).toThrow(RangeError);
    expect(startOfDateUtc('2028-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('adds days on the calendar for any date', () => {
    fc.assert(
      fc.property(fc.date({ min: at('2000-01-01'), max: at('2100-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 2000 }), (d, n) => {
        const date = d.toISOString().slice(0, 10);
        expect(startOfDateUtc(addDays(date, n)).getTime() - startOfDateUtc(date).getTime()).toBe(n * DAY);
      }),
    );
  });
});

describe('licence key validity', () => {
  const activation = activationInstant('2027-03-01');
  const end = cancellationInstant('2027-03-01');
  const day = (n: number) => new Date(activation.getTime() + n * DAY);

  it('issues a key for keyLengthDays, never past the sale', () => {
    expect(keyExpiry(day(0), 180, end)).toEqual(day(180));
    expect(keyExpiry(day(300), 180, end)).toEqual(end);
  });

  it('renews at day 180 for another 180 days, then caps at day 365', () => {
    const first = keyExpiry(day(0), 180, end);
    const second = renewedExpiry(first, 180, end);
    const third = renewedExpiry(second, 180, end);
    expect(second).toEqual(day(360));
    expect(third).toEqual(day(365));
    expect(third).toEqual(end);
    expect(renewedExpiry(third, 180, end)).toEqual(end);
  });

  it('is due for renewal within the lead before its expiry, and never once it reaches the sale end', () => {
    const expiry = day(180);
    expect(isRenewalDue(expiry, end, new Date(expiry.getTime() - RENEWAL_LEAD_MS - 1))).toBe(false);
    expect(isRenewalDue(expiry, end, new Date(expiry.getTime() - RENEWAL_LEAD_MS))).toBe(true);
    expect(isRenewalDue(expiry, end, renewalWakeAt(expiry))).toBe(true);
    expect(isRenewalDue(end, end, day(400))).toBe(false);
  });

  it('never outlives the sale, whatever the key length and issue day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 3650 }), (issued, length) => {
        let expiry = keyExpiry(day(issued), length, end);
        for (let i = 0; i < 400 && expiry < end; i++) {
          const next = renewedExpiry(expiry, length, end);
          expect(next.getTime()).toBeGreaterThan(expiry.getTime());
          expiry = next;
        }
        expect(expiry).toEqual(end);
      }),
    );
  });

  it('reads valid, expired or revoked', () => {
    expect(keyStatus({ expiresAt: day(180), revokedAt: null }, day(10))).toBe('valid');
    expect(keyStatus({ expiresAt: day(180), revokedAt: null }, day(180))).toBe('expired');
    expect(keyStatus({ expiresAt: day(180), revokedAt: day(20) }, day(10))).toBe('revoked');
  });
});

describe('sale states', () => {
  it('moves only forward: pending → approved or rejected, approved → active, active → cancelled', () => {
    const edges = Object.values(SALE_TRANSITIONS).map((t) => `${t.from}→${t.to}`).sort();
    expect(edges).toEqual(['active→cancelled', 'approved→active', 'pending_approval→approved', 'pending_approval→rejected']);
    for (const status of SALE_STATUSES) {
      expect(canTake('approve', status)).toBe(status === 'pending_approval');
      expect(canTake('cancel', status)).toBe(status === 'active');
    }
    expect(hasTaken('activate', 'active')).toBe(true);
    expect(hasTaken('activate', 'approved')).toBe(false);
  });

  it('words every refusal the same way, in every layer', () => {
    expect(transitionRefusal('approve', 'approved')).toBe('The sale is approved, not pending approval');
    expect(transitionRefusal('reject', 'pending_approval')).toBeNull();
    expect(transitionRefusal('activate', 'rejected')).toBe('The sale is rejected, not approved');
    expect(transitionRefusal('cancel', 'approved')).toBe('The sale is approved, not active');
    expect(launchRefusal('pending_approval')).toBe('The sale is pending_approval, not active');
    expect(launchRefusal('active')).toBeNull();
    expect(activationDateRefusal('active')).toBe('The activation date cannot change once the sale is active');
    expect(SALE_STATUSES.filter((st) => activationDateRefusal(st) === null)).toEqual(['pending_approval', 'approved']);
    expect(SALE_STATUSES.filter(isDecidable)).toEqual(['pending_approval']);
  });

  it('takes launches while active or while an activation that is due is recorded, never after the end', () => {
    const start = activationInstant('2027-03-01').getTime();
    const end = cancellationInstant('2027-03-01').getTime();
    expect(acceptsLaunch('active', '2027-03-01', start)).toBe(true);
    expect(acceptsLaunch('approved', '2027-03-01', start - 1)).toBe(false);
    expect(acceptsLaunch('approved', '2027-03-01', start)).toBe(true);
    expect(acceptsLaunch('active', '2027-03-01', end)).toBe(false);
    expect(acceptsLaunch('pending_approval', '2027-03-01', start + DAY)).toBe(false);
  });

  it('activates on the day and refuses activation dates in the past (UTC)', () => {
    expect(activationDue('2027-03-01', at('2027-02-28T23:59:59Z'))).toBe(false);
    expect(activationDue('2027-03-01', at('2027-03-01T00:00:00Z'))).toBe(true);
    expect(isPastActivationDate('2027-03-01', at('2027-03-01T23:00:00Z'))).toBe(false);
    expect(isPastActivationDate('2027-03-01', at('2027-03-02T00:00:00Z'))).toBe(true);
  });

  it('keeps the failure types recorded in running histories', () => {
    expect(SaleFailure).toEqual({ INVALID_STATE: 'INVALID_STATE', SEATS_EXHAUSTED: 'SEATS_EXHAUSTED', NOT_FOUND: 'NOT_FOUND', SALE_BUSY: 'SALE_BUSY' });
    expect(SALE_REFUSALS).toEqual(['INVALID_STATE', 'SEATS_EXHAUSTED', 'NOT_FOUND']);
  });
});

describe('a renewal run', () => {
  const end = cancellationInstant('2027-03-01');
  const day = (n: number) => new Date(activationInstant('2027-03-01').getTime() + n * DAY);

  it('renews a key while it is due, so a late run catches up, and leaves it not due', () => {
    expect(renewalAt(day(180), 180, end, day(100))).toEqual({ expiresAt: day(180), renewals: 0 });
    expect(renewalAt(day(180), 180, end, day(180))).toEqual({ expiresAt: day(360), renewals: 1 });
    expect(renewalAt(day(30), 30, end, day(95))).toEqual({ expiresAt: day(120), renewals: 3 });
    expect(renewalAt(day(180), 180, end, day(400))).toEqual({ expiresAt: end, renewals: 2 });
  });

  it('never leaves a key due and never passes the sale end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 1, max: 3650 }), fc.integer({ min: 0, max: 500 }), (expiry, length, runDay) => {
        const result = renewalAt(new Date(Math.min(day(expiry).getTime(), end.getTime())), length, end, day(runDay));
        expect(isRenewalDue(result.expiresAt, end, day(runDay))).toBe(false);
        expect(result.expiresAt.getTime()).toBeLessThanOrEqual(end.getTime());
      }),
    );
  });
});
