/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { getAssessment } from '../../../src/allotments/assessments';
import { getPurchase } from '../../../src/allotments/purchases';
import { awaitsPayment } from '../../../src/domain/allotments/lifecycle';
import type { AppEnv } from '../../context';
import { presentPurchase } from '../../routes/allotments/present';
import { Notice } from '../components';
import { page } from '../page';
import { purchaseStatusText } from './list';
import { buyer, buyUrl, idParam, instant, listUrl, money, purchaseUrl, SECTION } from './shared';

type Shown = ReturnType<typeof presentPurchase>;

const credited = (p: Shown) => p.status === 'paid' || p.status === 'granted';

/** What the buyer should know and can do now, by the purchase's state. */
const State = ({ p, returned }: { p: Shown; returned?: string }) => {
  if (credited(p)) {
    return (
      <Notice>
        {p.quantity} unit(s) were credited{p.paidAt ? ` at ${instant(p.paidAt)}` : ''}. <a href={listUrl(p.organizationId)}>Back to the Allotments</a>
      </Notice>
    );
  }
  if (p.status === 'expired') {
    return (
      <div class="problem" role="status">
        This purchase expired unpaid: nothing was charged and nothing credited. <a href={buyUrl(p.organizationId, p.assessmentId)}>Buy again</a>
      </div>
    );
  }
  return (
    <div role="status">
      {returned === 'success' ? (
        <p>Thank you. Waiting for Stripe to confirm the payment; the units are credited as soon as it does. This page updates itself.</p>
      ) : returned === 'cancelled' ? (
        <p>The payment was cancelled. You can continue to payment until {instant(p.expiresAt)}; after that the purchase expires unpaid.</p>
      ) : (
        <p>Waiting for the payment. This page updates itself once Stripe confirms it.</p>
      )}
      {p.status === 'payment_mismatch' && (
        <p>A payment arrived that did not match this purchase (another amount, currency or payment): nothing was credited for it, and the purchase still waits for its own payment.</p>
      )}
      {p.checkoutUrl ? (
        <p>
          <a class="button" href={p.checkoutUrl}>
            Continue to payment
          </a>
        </p>
      ) : (
        <p>Stripe's payment page is being prepared.</p>
      )}
    </div>
  );
};

/**
 * One purchase, where Stripe's Checkout sends the buyer back (via /partner-portal/purchases/<id>):
 * its state, re-read every 2 s while it awaits payment; once credited the poll returns the browser
 * to the Allotments list.
 */
export function registerPurchasePage(r: Hono<AppEnv>) {
  r.get('/allotments/purchases/:id', async (c) => {
    const { principal } = buyer(c);
    const p = presentPurchase(await getPurchase(c.var.deps, principal, idParam(c.req.param('id'), 'Purchase')));
    const assessment = await getAssessment(c.var.deps, principal, p.assessmentId);
    const returned = c.req.query('checkout');
    const polling = awaitsPayment(p.status);
    // The poll that sees the units credited takes the buyer back to the list, which shows them.
    if (c.req.header('hx-request') && credited(p)) c.header('hx-redirect', listUrl(p.organizationId, { credited: p.id }));
    const self = `${purchaseUrl(p.id)}${returned === 'success' || returned === 'cancelled' ? `?checkout=${returned}` : ''}`;
    const fragment = (
      <section id="purchase-state" aria-labelledby="state-heading" hx-get={polling ? self : undefined} hx-trigger={polling ? 'load delay:2s' : undefined} hx-swap="outerHTML">
        <h2 id="state-heading">{purchaseStatusText(p.status)}</h2>
        <State p={p} returned={returned} />
        <dl class="facts">
          <dt>Assessment</dt><dd>{assessment.name}</dd>
          <dt>Units</dt><dd>{p.quantity}</dd>
          <dt>Unit price</dt><dd>{money(p.unitAmount.amount, p.currency)}</dd>
          <dt>Total</dt><dd>{money(p.amount.amount, p.currency)}</dd>
          <dt>Placed</dt><dd>{instant(p.createdAt)}</dd>
          {polling && <><dt>Expires unpaid</dt><dd>{instant(p.expiresAt)}</dd></>}
          {p.paidAt && <><dt>Paid</dt><dd>{instant(p.paidAt)}</dd></>}
          <dt>Purchase id</dt><dd>{p.id}</dd>
        </dl>
      </section>
    );
    return page(c, {
      title: `Purchase: ${p.quantity} unit(s) of ${assessment.name}`,
      current: SECTION,
      fragment,
      body: (
        <>
          <p>
            <a href={listUrl(p.organizationId)}>Back to the Allotments</a>
          </p>
          {fragment}
        </>
      ),
    });
  });
}
