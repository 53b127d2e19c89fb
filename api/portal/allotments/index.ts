import type { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { registerBuy } from './buy';
import { registerAllotmentLedger } from './ledger';
import { registerAllotmentList } from './list';
import { registerPurchasePage } from './purchase';

export { registerCheckoutReturn } from './checkout-return';

/**
 * The managers' Allotments room (docs/portal.md "Allotments and Buy"): the list, an allotment's
 * ledger and threshold, Buy with a quote and Stripe Checkout, and a purchase's page. The fixed
 * paths come before `/allotments/:organizationId/:assessmentId`.
 */
export function registerAllotments(r: Hono<AppEnv>) {
  registerAllotmentList(r);
  registerBuy(r);
  registerPurchasePage(r);
  registerAllotmentLedger(r);
}
