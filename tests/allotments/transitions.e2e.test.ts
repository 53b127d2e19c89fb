import { describe, expect, it } from 'vitest';
import { purchaseMayBecome, RESPONSE_CLOSES_AS, responseAllows, type PurchaseOutcome, type PurchaseStatus, type ResponseAction, type ResponseStatus } from '../../src/domain/allotments/lifecycle';
import { closeResponseInLedger } from '../../src/repos/allotments/ledger';
import { insertPurchase, markPaymentMismatch, transitionPurchase } from '../../src/repos/allotments/purchases';
import { insertResponses, setResponseExpiry } from '../../src/repos/allotments/responses';
import { partnerSuite } from './world';

// The repositories' conditional UPDATEs mirror the pure rules of src/domain/allotments/lifecycle.ts;
// this runs each UPDATE from every status and checks it changes a row exactly when the rule allows.
describe('the SQL transitions follow the lifecycle rules', () => {
  const { s, w } = partnerSuite({}, { worker: false });

  const purchaseIn = (status: PurchaseStatus) =>
    insertPurchase(s.sql, {
      organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 1, currency: 'EUR', unitAmount: 0, amount: 0,
      priceListId: null, paymentMethod: 'stripe', status, expiresAt: null, createdBy: null,
    });
  const STATUSES: PurchaseStatus[] = ['pending_payment', 'payment_mismatch', 'paid', 'expired', 'granted'];

  it('settles a purchase exactly when its status may become paid or expired', async () => {
    const outcomes: PurchaseOutcome[] = ['paid', 'expired'];
    for (const from of STATUSES) {
      for (const to of outcomes) {
        const moved = await transitionPurchase(s.sql, (await purchaseIn(from)).id, to);
        expect({ from, to, moved: moved?.status ?? null }).toEqual({ from, to, moved: purchaseMayBecome(from, to) ? to : null });
      }
    }
  });

  it('marks a payment mismatch exactly when the status may become payment_mismatch', async () => {
    for (const from of STATUSES) {
      const moved = await markPaymentMismatch(s.sql, (await purchaseIn(from)).id);
      expect({ from, moved }).toEqual({ from, moved: purchaseMayBecome(from, 'payment_mismatch') });
    }
  });

  it('closes or extends a response exactly when its status allows the action', async () => {
    const past = new Date(Date.now() - 60_000);
    const inStatus = async (status: ResponseStatus) => {
      const [r] = await insertResponses(s.sql, { assessmentId: w.assessmentId, organizationId: w.organizationId, source: 'manual', counted: false }, [{ email: 'rule@example.test', name: 'Rule', expiresAt: past }]);
      if (status !== 'invited') await closeResponseInLedger(s.sql, r!.id, status, new Date());
      return r!.id;
    };
    const run = (id: string, action: ResponseAction) =>
      action === 'extend' ? setResponseExpiry(s.sql, id, new Date(Date.now() + 86_400_000)) : closeResponseInLedger(s.sql, id, RESPONSE_CLOSES_AS[action], new Date());
    for (const status of ['invited', 'completed', 'expired'] as const) {
      for (const action of ['complete', 'extend', 'expire'] as const) {
        const changed = await run(await inStatus(status), action);
        expect({ status, action, changed }).toEqual({ status, action, changed: responseAllows(status, action) });
      }
    }
  });
});
