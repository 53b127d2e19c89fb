/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { z } from 'zod';
import { formatMoney } from '../../../src/domain/sales/notifications';
import type { Money, SaleStatus } from '../../../src/domain/sales/types';
import { notFound } from '../../../src/errors';
import type { AppEnv } from '../../context';
import { STEP_FIELDS, STEP_TITLES, STEPS, type Draft, type Step } from './draft';

export const STATUS_LABELS: Record<SaleStatus, string> = {
  pending_approval: 'Pending approval',
  approved: 'Approved',
  active: 'Active',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

export const money = (m: Money) => formatMoney(m);
export const totalsText = (totals: Money[]) => (totals.length ? totals.map(money).join(' + ') : '—');

/** A sale's id from the path; anything that is not an id is a page that does not exist (never a 500). */
export function saleIdOf(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!z.uuid().safeParse(id).success) throw notFound('Sale');
  return id;
}

/** Where the user is among the three steps of "Register new sale". */
export const StepList = (props: { current: Step }) => (
  <ol class="steps" aria-label="Steps of Register new sale">
    {STEPS.map((s, i) => (
      <li aria-current={s === props.current ? 'step' : undefined}>
        {i + 1}. {STEP_TITLES[s]}
      </li>
    ))}
  </ol>
);

/** What the other steps hold, carried along in the form. */
export const Carried = (props: { draft: Draft; step: Step }) => (
  <>
    {STEPS.filter((s) => s !== props.step)
      .flatMap((s) => STEP_FIELDS[s])
      .filter((k) => props.draft[k] !== undefined && props.draft[k] !== '')
      .map((k) => (
        <input type="hidden" name={k} value={props.draft[k]} />
      ))}
  </>
);

let renders = 0;
/**
 * A fresh id suffix for a part htmx swaps in again: ids that never match the part they replace,
 * so htmx's settling has no attributes to carry over (it would set them inline, which the CSP refuses).
 */
export const freshId = (base: string) => `${base}-${(++renders).toString(36)}`;

/** A read-only value shown as a field (no name: the form never sends it). */
export const Shown = (p: { id: string; label: string; value: string; hint?: string }) => (
  <div class="field">
    <label for={p.id}>{p.label}</label>
    {p.hint && (
      <small id={`${p.id}-hint`} class="hint">
        {p.hint}
      </small>
    )}
    <input id={p.id} type="text" value={p.value} readonly aria-describedby={p.hint ? `${p.id}-hint` : undefined} />
  </div>
);
