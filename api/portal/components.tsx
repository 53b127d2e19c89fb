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
  const id = `f-${p.name}`;
  const error = p.problem?.fields[p.name];
  const described = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <small id={`${id}-hint`} class="hint">
          {p.hint}
        </small>
      )}
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
        aria-describedby={described}
      />
      {error && (
        <small id={`${id}-error`} class="error">
          {error}
        </small>
      )}
    </div>
  );
};

/** A labelled select. */
export const Select = (p: { name: string; label: string; options: { value: string; label: string }[]; value?: string; problem?: FormProblem; required?: boolean }) => {
  const id = `f-${p.name}`;
  const error = p.problem?.fields[p.name];
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <small id={`${id}-error`} class="error">
          {error}
        </small>
      )}
    </div>
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
