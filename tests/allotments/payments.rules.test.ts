import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkoutReturnUrls, judgePayment, reversalAsks, unitsForMoney, type AskedPayment } from '../../src/domain/allotments/payments';

const intentPurchase: AskedPayment = { paymentMethod: 'stripe', paymentFlow: 'payment_intent', paymentIntentId: 'pi_1', checkoutSessionId: null, amount: 13_000, currency: 'EUR' };
const checkoutPurchase: AskedPayment = { ...intentPurchase, paymentFlow: 'checkout', paymentIntentId: null, checkoutSessionId: 'cs_1' };

describe('which payment pays a purchase', () => {
  it('takes only its own PaymentIntent, amount and currency (any case)', () => {
    expect(judgePayment(intentPurchase, { via: 'payment_intent', objectId: 'pi_1', amount: 13_000, currency: 'eur' })).toEqual({ kind: 'confirmed' });
    expect(judgePayment(intentPurchase, { via: 'payment_intent', objectId: 'pi_2', amount: 1, currency: 'eur' })).toMatchObject({ kind: 'mismatch', reasons: ['object_id', 'amount'], expected: { objectId: 'pi_1', amount: 13_000 } });
    expect(judgePayment(intentPurchase, { via: 'payment_intent', objectId: 'pi_1', amount: 13_000, currency: 'usd' })).toMatchObject({ kind: 'mismatch', reasons: ['currency'] });
    expect(judgePayment(intentPurchase, { via: 'checkout_session', objectId: 'cs_1', amount: 13_000, currency: 'eur' })).toMatchObject({ kind: 'mismatch', reasons: ['object_id'] });
  });

  it('lets a Checkout purchase be paid by its session, and by its PaymentIntent once the session named it', () => {
    expect(judgePayment(checkoutPurchase, { via: 'checkout_session', objectId: 'cs_1', amount: 13_000, currency: 'EUR' })).toEqual({ kind: 'confirmed' });
    expect(judgePayment(checkoutPurchase, { via: 'payment_intent', objectId: 'pi_9', amount: 13_000, currency: 'eur' })).toEqual({ kind: 'ignored' });
    const named = { ...checkoutPurchase, paymentIntentId: 'pi_9' };
    expect(judgePayment(named, { via: 'payment_intent', objectId: 'pi_9', amount: 13_000, currency: 'eur' })).toEqual({ kind: 'confirmed' });
    expect(judgePayment(named, { via: 'payment_intent', objectId: 'pi_8', amount: 13_000, currency: 'eur' })).toMatchObject({ kind: 'mismatch', reasons: ['object_id'] });
  });

  it('never pays a manual grant', () => {
    expect(judgePayment({ ...intentPurchase, paymentMethod: 'manual', paymentIntentId: null }, { via: 'payment_intent', objectId: 'pi_1', amount: 13_000, currency: 'eur' })).toMatchObject({ kind: 'mismatch', reasons: ['object_id'] });
  });
});

describe('what a refund or dispute takes back', () => {
  it('asks the units the money bought, rounded up, never more than bought', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 }), (quantity, amount, money) => {
        const units = unitsForMoney(quantity, amount, money);
        expect(units).toBeGreaterThanOrEqual(0);
        expect(units).toBeLessThanOrEqual(quantity);
        if (money >= amount) expect(units).toBe(quantity);
        // Rounded up: the units are worth at least the money, one unit fewer less than it.
        if (money > 0 && money < amount) {
          expect(BigInt(units) * BigInt(amount)).toBeGreaterThanOrEqual(BigInt(quantity) * BigInt(money));
          expect(BigInt(units - 1) * BigInt(amount)).toBeLessThan(BigInt(quantity) * BigInt(money));
        }
      }),
    );
  });

  it('counts a refunded total once however its events arrive, and all reversals together up to the quantity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), (totals) => {
        const purchase = { quantity: 10, amount: 10_000 };
        let asked = 0;
        let money = 0;
        for (const refundedTotal of totals) {
          const r = reversalAsks(purchase, { unitsOfKind: asked, moneyOfKind: money, unitsTotal: asked }, { kind: 'refund', refundedTotal });
          asked += r.units;
          money += r.money;
        }
        expect(asked).toBe(unitsForMoney(10, 10_000, Math.max(...totals)));
      }),
    );
    expect(reversalAsks({ quantity: 4, amount: 4_000 }, { unitsOfKind: 0, moneyOfKind: 0, unitsTotal: 4 }, { kind: 'refund', refundedTotal: 4_000 }).units).toBe(0);
    expect(reversalAsks({ quantity: 4, amount: 4_000 }, { unitsOfKind: 0, moneyOfKind: 0, unitsTotal: 1 }, { kind: 'dispute', disputed: 4_000 })).toEqual({ units: 3, money: 4_000 });
  });
});

describe('Checkout return pages', () => {
  it('are built from PUBLIC_BASE_URL, with or without a trailing slash', () => {
    expect(checkoutReturnUrls('https://partners.example.test/', 'p1')).toEqual({
      successUrl: 'https://partners.example.test/partner-portal/purchases/p1?checkout=success&session_id={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://partners.example.test/partner-portal/purchases/p1?checkout=cancelled',
    });
  });
});
