/** @jsxImportSource hono/jsx */
import { SALES_TYPES } from '../../../src/domain/sales/types';
import type { Distribution } from '../../../src/sales/distributions';
import type { LineQuote } from '../../../src/sales/registration';
import { Field, Select } from '../components';
import type { FormProblem } from '../forms';
import type { Draft } from './draft';
import { StepForm } from './step-form';
import { freshId, money, Shown } from './views';

const SALES_TYPE_LABELS: Record<(typeof SALES_TYPES)[number], string> = { per_user: 'Per user' };

/** What the registration would charge for the line as entered, or why it cannot be priced yet. */
export interface PriceView {
  quote?: LineQuote;
  /** The chosen distribution's key length, shown before the line can be priced. */
  keyLengthDays?: number;
  problem?: FormProblem;
}

/**
 * The computed prices and key length. htmx asks for it again whenever the line changes (the same
 * pricing as the registration, POST /portal/sales/new/price) and swaps it in place.
 */
export const PriceBox = (p: PriceView) => (
  <div class="price" hx-post="/portal/sales/new/price" hx-trigger="input delay:400ms from:closest form" hx-swap="outerHTML" aria-live="polite">
    <Shown id={freshId('price-per-user')} label="Distribution price (per user)" value={p.quote ? money(p.quote.distributionPrice) : '—'} hint="From the catalog, in the chosen currency" />
    <Shown id={freshId('sales-price')} label="Sales price" value={p.quote ? money(p.quote.salesPrice) : '—'} hint="Price per user × number of users" />
    <Shown
      id={freshId('key-length')}
      label="Key length"
      value={p.quote || p.keyLengthDays ? `${p.quote?.keyLengthDays ?? p.keyLengthDays} days` : '—'}
      hint="A key is renewed for as long again when it expires before the sale ends"
    />
    {p.problem && (
      <p class="error" role="status">
        {p.problem.detail}
      </p>
    )}
  </div>
);

/** Step 2 (seed 001, "Creating the product distribution"). */
export const DistributionStep = (p: { csrf: string; draft: Draft; distributions: Distribution[]; price: PriceView; problem?: FormProblem }) => {
  const currencies = [...new Set(p.distributions.flatMap((d) => Object.keys(d.unitPrices)))].sort();
  const chosen = p.draft['distributions.0.distributionId'] ?? p.distributions[0]?.id;
  return (
    <StepForm step="distribution" draft={p.draft} csrf={p.csrf} problem={p.problem} next="Add distribution" back>
      {p.distributions.length === 0 && <p>The catalog has no distribution yet: an admin adds them (POST /v1/distributions).</p>}
      <Select
        name="distributions.0.distributionId"
        label="Product distribution"
        options={p.distributions.map((d) => ({ value: d.id, label: d.name }))}
        value={chosen}
        problem={p.problem}
      />
      <Select
        name="distributions.0.salesType"
        label="Sales type"
        options={SALES_TYPES.map((t) => ({ value: t, label: SALES_TYPE_LABELS[t] }))}
        value={p.draft['distributions.0.salesType']}
        problem={p.problem}
      />
      <Select
        name="distributions.0.currency"
        label="Currency"
        options={currencies.map((c) => ({ value: c, label: c }))}
        value={p.draft['distributions.0.currency']}
        problem={p.problem}
      />
      <Field
        name="distributions.0.numberOfUsers"
        label="Number of users"
        type="number"
        min={1}
        step="1"
        value={p.draft['distributions.0.numberOfUsers']}
        hint="Make sure it is exact: it cannot be changed once the sale is registered."
        problem={p.problem}
      />
      <PriceBox {...p.price} />
    </StepForm>
  );
};
