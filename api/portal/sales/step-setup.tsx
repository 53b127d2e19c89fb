/** @jsxImportSource hono/jsx */
import { cancellationDateOf, SALE_LENGTH_DAYS } from '../../../src/domain/sales/dates';
import type { LineQuote } from '../../../src/sales/registration';
import { Field } from '../components';
import type { FormProblem } from '../forms';
import type { Draft } from './draft';
import { StepForm } from './step-form';
import { TextArea } from '../components';
import { freshId, money, Shown } from './views';

/** activationDate + 365 days by the sale's own rule, or nothing while the date is not a date. */
export function cancellationShown(activationDate: string | undefined): string {
  try {
    return activationDate ? cancellationDateOf(activationDate) : '';
  } catch {
    return '';
  }
}

/** The cancellation date, read-only; htmx refreshes it when the activation date changes. */
export const CancellationBox = (p: { activationDate?: string }) => (
  <div hx-post="/portal/sales/new/cancellation-date" hx-trigger="input delay:400ms from:#f-activationDate" hx-swap="outerHTML" aria-live="polite">
    <Shown id={freshId('cancellation-date')} label="Cancellation date" value={cancellationShown(p.activationDate)} hint={`Always the activation date + ${SALE_LENGTH_DAYS} days`} />
  </div>
);

/** Step 3 (seed 001, "Setting up the product distribution"). */
export const SetupStep = (p: { csrf: string; draft: Draft; customerName: string; quote?: LineQuote; problem?: FormProblem }) => (
  <StepForm step="setup" draft={p.draft} csrf={p.csrf} problem={p.problem} next="Create new sale" back>
    <dl class="facts">
      <dt>Status</dt>
      <dd>Pending approval once created: you are e-mailed when an approver has decided.</dd>
      <dt>Customer</dt>
      <dd>{p.customerName}</dd>
      <dt>Number of users</dt>
      <dd>{p.draft['distributions.0.numberOfUsers']}</dd>
      {p.quote && (
        <>
          <dt>Price per user</dt>
          <dd>{money(p.quote.distributionPrice)}</dd>
          <dt>Sales price</dt>
          <dd>{money(p.quote.salesPrice)}</dd>
        </>
      )}
    </dl>
    <Field name="customerPoNumber" label="Customer PO number (optional)" value={p.draft.customerPoNumber} problem={p.problem} />
    <Field name="orderNumber" label="Order number (optional)" value={p.draft.orderNumber} problem={p.problem} />
    <Field name="activationDate" label="Activation date" type="date" value={p.draft.activationDate} required hint="When the customer can start using the sale: today or later (UTC)" problem={p.problem} />
    <CancellationBox activationDate={p.draft.activationDate} />
    <Field name="billed" label="Billed" value={p.draft.billed} required hint="The billing method, e.g. invoice or card" problem={p.problem} />
    <Field name="name" label="Sale name" value={p.draft.name} required problem={p.problem} />
    <TextArea name="comment" label="Add a new comment (optional)" value={p.draft.comment} problem={p.problem} />
  </StepForm>
);
