/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { Csrf, ProblemAlert } from '../components';
import type { FormProblem } from '../forms';
import { STEP_TITLES, type Draft, type Step } from './draft';
import { Carried, StepList } from './views';

/**
 * One step of "Register new sale": the steps list, the problem at the top, the step's fields, the
 * other steps' values hidden, and its buttons (`_go`: next, back or search). The primary button
 * comes first, so Enter in any field moves on rather than back.
 */
export const StepForm = (p: { step: Step; draft: Draft; csrf: string; problem?: FormProblem; next: string; back?: boolean; children?: Child }) => (
  <>
    <StepList current={p.step} />
    <h2>{STEP_TITLES[p.step]}</h2>
    <ProblemAlert problem={p.problem} />
    <form method="post" action="/portal/sales/new" novalidate class="sale-step">
      <Csrf token={p.csrf} />
      <input type="hidden" name="_step" value={p.step} />
      <Carried draft={p.draft} step={p.step} />
      {p.children}
      <div class="row">
        <button type="submit" name="_go" value="next">
          {p.next}
        </button>
        {p.back && (
          <button type="submit" name="_go" value="back" class="secondary">
            Back
          </button>
        )}
      </div>
    </form>
  </>
);
