/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { getAssessment } from '../../../src/allotments/assessments';
import { listPriceLists } from '../../../src/allotments/price-lists';
import { placePurchase } from '../../../src/allotments/purchases';
import { quotePurchase } from '../../../src/allotments/quotes';
import type { Quote } from '../../../src/domain/allotments/pricing';
import type { Principal } from '../../../src/domain/principal';
import { AppError } from '../../../src/errors';
import type { AppEnv } from '../../context';
import { CreatePurchase } from '../../routes/allotments/allotments';
import { presentPurchase } from '../../routes/allotments/present';
import { Csrf, Field, ProblemAlert, Select } from '../components';
import { attempt, formFields, parseWith, type FormProblem } from '../forms';
import { page } from '../page';
import { buyer, idParam, listUrl, money, organizationOf, purchaseUrl, SECTION } from './shared';

const BUY = `${SECTION}/buy`;

/** The form's fields, as the API's POST /v1/allotments/purchases names them. */
interface Order {
  organizationId: string;
  assessmentId: string;
  quantity?: string;
  currency?: string;
}

/** The same body the API accepts (its own schema), as a Stripe Checkout purchase. */
const orderOf = (o: Order) =>
  parseWith(CreatePurchase, Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string')), { numbers: ['quantity'] });

const bandText = (q: Quote) => (q.band.upTo === null ? `${q.band.from} units and more` : `${q.band.from} to ${q.band.upTo} units`);

const QuoteShown = ({ q, order, csrf }: { q: Quote; order: Order; csrf: string }) => (
  <section aria-labelledby="quote-heading">
    <h2 id="quote-heading">Your quote</h2>
    <dl class="facts">
      <dt>Units</dt><dd>{q.quantity}</dd>
      <dt>Volume band</dt><dd>{bandText(q)}</dd>
      <dt>Unit price</dt><dd>{money(q.unitAmount, q.currency)}{q.tiersMode === 'graduated' && ' (in this band; each unit is priced by its own band)'}</dd>
      <dt>Total</dt><dd><strong>{money(q.amount, q.currency)}</strong></dd>
    </dl>
    <p>You pay on Stripe's secure payment page. The units are credited as soon as Stripe confirms the payment.</p>
    <form method="post" action={BUY}>
      <Csrf token={csrf} />
      <input type="hidden" name="organizationId" value={order.organizationId} />
      <input type="hidden" name="assessmentId" value={order.assessmentId} />
      <input type="hidden" name="quantity" value={String(q.quantity)} />
      <input type="hidden" name="currency" value={q.currency} />
      <button type="submit">Continue to payment</button>
    </form>
  </section>
);

/**
 * Buy: quantity and currency give a quote (the very price the purchase will be charged), then
 * "Continue to payment" places the purchase with Stripe-hosted Checkout and sends the browser there.
 */
async function buyPage(c: Context<AppEnv>, p: Principal, csrf: string, order: Partial<Order>, o: { problem?: FormProblem; quote?: Quote } = {}) {
  const org = await organizationOf(c, p, order.organizationId);
  if (!org) throw new AppError('VALIDATION_FAILED', 'Choose the organization to buy for on the Allotments page first', { errors: [{ path: 'organizationId', message: 'required' }] });
  const assessment = await getAssessment(c.var.deps, p, idParam(order.assessmentId, 'Assessment'));
  const lists = await listPriceLists(c.var.deps, p, assessment.id, { organizationId: org.id, limit: 10 });
  const currencies = [...new Set(lists.flatMap((l) => Object.keys(l.currencies)))].sort();
  const full: Order = { ...order, organizationId: org.id, assessmentId: assessment.id };
  return page(c, {
    title: `Buy units: ${assessment.name}`,
    current: SECTION,
    status: o.problem ? (o.problem.status as 400) : 200,
    body: (
      <>
        <p>
          For <strong>{org.name}</strong> · <a href={listUrl(org.id)}>Back to the Allotments</a>
        </p>
        <ProblemAlert problem={o.problem} />
        <form method="get" action={BUY} novalidate>
          <input type="hidden" name="organizationId" value={org.id} />
          <input type="hidden" name="assessmentId" value={assessment.id} />
          <div class="row">
            <Field name="quantity" label={assessment.pricingByCohort ? 'Cohorts to buy' : 'Responses to buy'} type="number" min={1} value={order.quantity} required problem={o.problem} />
            {currencies.length > 0 ? (
              <Select name="currency" label="Currency" options={currencies.map((x) => ({ value: x, label: x }))} value={order.currency?.toUpperCase()} problem={o.problem} />
            ) : (
              <Field name="currency" label="Currency" value={order.currency} hint="Three letters, such as EUR" required problem={o.problem} />
            )}
          </div>
          <button type="submit" class={o.quote ? 'secondary' : undefined}>
            Get a quote
          </button>
        </form>
        {o.quote && <QuoteShown q={o.quote} order={full} csrf={csrf} />}
      </>
    ),
  });
}

export function registerBuy(r: Hono<AppEnv>) {
  r.get('/allotments/buy', async (c) => {
    const { principal, csrf } = buyer(c);
    const q = c.req.query();
    const order = { organizationId: q.organizationId ?? '', assessmentId: q.assessmentId ?? '', quantity: q.quantity, currency: q.currency };
    // The first visit shows the form; a submitted one shows the quote or what is wrong with it.
    if (order.quantity === undefined && order.currency === undefined) return buyPage(c, principal, csrf, order);
    const quoted = await attempt(() => quotePurchase(c.var.deps, principal, orderOf({ ...order, organizationId: order.organizationId || (principal.organizationId ?? '') })));
    return quoted.ok ? buyPage(c, principal, csrf, order, { quote: quoted.value }) : buyPage(c, principal, csrf, order, { problem: quoted.problem });
  });

  r.post('/allotments/buy', async (c) => {
    const { principal, csrf } = buyer(c);
    const fields = await formFields(c);
    const order = { organizationId: fields.organizationId ?? '', assessmentId: fields.assessmentId ?? '', quantity: fields.quantity, currency: fields.currency };
    const placed = await attempt(async () => presentPurchase(await placePurchase(c.var.deps, principal, { ...orderOf(order), checkout: true })));
    if (!placed.ok) return buyPage(c, principal, csrf, order, { problem: placed.problem });
    // Stripe's page, or (Stripe slow to answer) the purchase's own page, which offers it once it is there.
    return c.redirect(placed.value.checkoutUrl ?? purchaseUrl(placed.value.id), 303);
  });
}
