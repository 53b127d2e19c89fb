import { z } from 'zod';
import type { Router } from '../../router';
import { purchaseUrl } from './shared';

/**
 * Stripe-hosted Checkout sends the buyer back to `<PUBLIC_BASE_URL>/partner-portal/purchases/<id>`
 * (src/domain/allotments/payments.ts checkoutReturnUrls, unchanged): that address leads to the
 * portal's page of the purchase, keeping only whether the payment was completed or cancelled.
 * It redirects to a path of this app only, built from a UUID, so it cannot send anyone elsewhere.
 */
export function registerCheckoutReturn(app: Router) {
  app.get('/partner-portal/purchases/:id', (c) => {
    const id = z.uuid().safeParse(c.req.param('id'));
    if (!id.success) return c.text('Not found', 404);
    const checkout = c.req.query('checkout');
    const flag = checkout === 'success' || checkout === 'cancelled' ? `?checkout=${checkout}` : '';
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'same-origin');
    return c.redirect(`${purchaseUrl(id.data)}${flag}`, 303);
  });
}
