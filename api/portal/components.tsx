/** @jsxImportSource hono/jsx */
import { randomUUID } from 'node:crypto';
import type { Child } from 'hono/jsx';
import type { FormProblem } from './forms';

/** The problem+json `detail` of a failed action, announced to screen readers. */
export const ProblemAlert = (props: { problem?: FormProblem }) =>
  props.problem ? (
    <div class="problem" role="alert">
      <strong>{props.problem.title}</strong> {props.problem.detail}
    </div>
  ) : null;

/** A success message after an action. */
export const Notice = (props: { children?: Child }) => (
  <div class="notice" role="status">
    {props.children}
  </div>
);

/**
 * What every form carries: the anti-forgery token (api/portal/session.ts) and a one-time id that
 * makes a second submission of the same form act once (api/portal/once.ts).
 */
export const Csrf = (props: { token: string }) => (
  <>
    <input type="hidden" name="_csrf" value={props.token} />
    <input type="hidden" name="_once" value={randomUUID()} />
  </>
);

/** What a form control says about itself: its id, the ids describing it, its error. */
function describe(name: string, hint: string | undefined, problem: FormProblem | undefined, id = `f-${name}`) {
  const error = problem?.fields[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy };
}

/** A control's label, hint and error around it. */
const FieldFrame = (p: { id: string; label: string; hint?: string; error?: string; children?: Child }) => (
  <div class={p.error ? 'field invalid' : 'field'}>
    <label for={p.id}>{p.label}</label>
    {p.hint && (
      <small id={`${p.id}-hint`} class="hint">
        {p.hint}
      </small>
    )}
    {p.children}
    {p.error && (
      <small id={`${p.id}-error`} class="error">
        {p.error}
      </small>
    )}
  </div>
);

interface FieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string | number | null;
  required?: boolean;
  hint?: string;
  problem?: FormProblem;
  min?: string | number;
  max?: string | number;
  step?: string;
  readonly?: boolean;
  autocomplete?: string;
}

/** A labelled input with its hint and, after a failed action, the problem's message for this field. */
export const Field = (p: FieldProps) => {
  const { id, error, describedBy } = describe(p.name, p.hint, p.problem);
  return (
    <FieldFrame id={id} label={p.label} hint={p.hint} error={error}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? undefined}
        required={p.required}
        min={p.min}
        max={p.max}
        step={p.step}
        readonly={p.readonly}
        autocomplete={p.autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
};

/**
 * A labelled select. `id` is for a page with two selects of one name (a filter above a form that
 * sends the same field); otherwise it follows from the name.
 */
export const Select = (p: { name: string; label: string; options: { value: string; label: string }[]; value?: string; hint?: string; problem?: FormProblem; required?: boolean; id?: string }) => {
  const { id, error, describedBy } = describe(p.name, p.hint, p.problem, p.id);
  return (
    <FieldFrame id={id} label={p.label} hint={p.hint} error={error}>
      <select id={id} name={p.name} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

/**
 * Filters in a GET form, so the choice is in the address and can be bookmarked, then the button
 * that shows what they pick. The button is secondary where the page has a main action of its own
 * below; `primary` where showing is what the page is for.
 */
export const FilterForm = (p: { action: string; submit: string; primary?: boolean; children?: Child }) => (
  <form method="get" action={p.action} class="row">
    {p.children}
    <div class="field">
      <button type="submit" class={p.primary ? undefined : 'secondary'}>
        {p.submit}
      </button>
    </div>
  </form>
);

/** A labelled multi-line field with its hint and, after a failed action, the problem's message for it. */
export const TextArea = (p: { name: string; label: string; hint?: string; value?: string; problem?: FormProblem; rows?: number }) => {
  const { id, error, describedBy } = describe(p.name, p.hint, p.problem);
  return (
    <FieldFrame id={id} label={p.label} hint={p.hint} error={error}>
      <textarea id={id} name={p.name} rows={p.rows ?? 4} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}>
        {p.value ?? ''}
      </textarea>
    </FieldFrame>
  );
};

/** A progress bar that says its figure in text too (screen readers, and people who read numbers). */
export const Progress = (props: { label: string; done: number; total: number }) => {
  const pct = props.total > 0 ? Math.floor((props.done / props.total) * 100) : 100;
  return (
    <div class="progress-row">
      <progress max={100} value={pct} aria-label={props.label}>
        {pct} %
      </progress>
      <span class="progress-text">
        {pct} % ({props.done} of {props.total})
      </span>
    </div>
  );
};

/** A table that scrolls sideways on its own at a phone's width instead of the whole page. */
export const Table = (props: { caption: string; head: string[]; children?: Child }) => (
  <div class="table-wrap" tabindex={0} role="region" aria-label={props.caption}>
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  </div>
);
