/** @jsxImportSource hono/jsx */
import type { Band } from '../../../src/domain/allotments/pricing';
import { Field, Select } from '../components';
import type { FormProblem } from '../forms';

/** Band rows a form offers: the list's own plus empty ones to add (empty rows are left out). */
export const BAND_ROWS = 5;

const TIERS = [
  { value: 'volume', label: 'Volume: the band the quantity falls in prices every unit' },
  { value: 'graduated', label: 'Graduated: each unit is priced by its own band' },
];

/** Form text as the API's JSON: digits become numbers, anything else stays text for zod to name. */
const numberOrText = (v: string) => (/^-?\d+$/.test(v.trim()) ? Number(v) : v.trim());

/**
 * The bands typed into rows `<prefix>.<i>.upTo` / `.unitAmount`: a row with both empty is left
 * out, an empty "up to" is the open-ended last band (upTo: null), and unit prices are minor units.
 */
export function readBands(fields: Record<string, string>, prefix: string): unknown[] {
  const bands: unknown[] = [];
  for (let i = 0; i < BAND_ROWS + 50; i++) {
    const upTo = fields[`${prefix}.${i}.upTo`]?.trim() ?? '';
    const unitAmount = fields[`${prefix}.${i}.unitAmount`]?.trim() ?? '';
    if (upTo === '' && unitAmount === '') continue;
    bands.push({ upTo: upTo === '' ? null : numberOrText(upTo), unitAmount: unitAmount === '' ? undefined : numberOrText(unitAmount) });
  }
  return bands;
}

/** The list's terms typed into the form (name, dates, tiers), as the API's body: empty means absent. */
export function readTerms(fields: Record<string, string>, o: { clearValidTo?: boolean } = {}): Record<string, unknown> {
  const terms: Record<string, unknown> = {};
  for (const k of ['name', 'validFrom', 'validTo', 'tiersMode']) {
    const v = fields[k]?.trim() ?? '';
    if (v !== '') terms[k] = v;
  }
  if (o.clearValidTo && !terms.validTo) terms.validTo = null;
  return terms;
}

/**
 * A new list's terms and its one currency (field `currency`, band rows `bands.<i>.…`) as the API's
 * body; more currencies are added on the list's page.
 */
export function readOneCurrency(fields: Record<string, string>): { currency: string; body: Record<string, unknown> } {
  const currency = (fields.currency ?? '').trim().toUpperCase();
  return { currency, body: { ...readTerms(fields), currencies: { [currency]: readBands(fields, 'bands') } } };
}

/**
 * The API names a problem with a currency's bands `currencies.<CODE>[.<i>.<field>]`; a form
 * whose rows are named `<prefix>.…` shows it there (and `bands` above the rows).
 */
export function bandsProblem(problem: FormProblem, currency: string, prefix: string): FormProblem {
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(problem.fields)) {
    const own = `currencies.${currency}`;
    if (path === own || path === 'currencies') fields[prefix] ??= message;
    else if (path.startsWith(`${own}.`)) fields[`${prefix}${path.slice(own.length)}`] = message;
    else fields[path] = message;
  }
  return { ...problem, fields };
}

/** One currency's bands as rows of "up to" and "unit price", with room for more. */
export const BandRows = (p: { prefix: string; legend: string; bands: Band[]; typed?: Record<string, string>; problem?: FormProblem }) => {
  const rows = Math.max(BAND_ROWS, p.bands.length + 1);
  const error = p.problem?.fields[p.prefix];
  return (
    <fieldset class="bands">
      <legend>{p.legend}</legend>
      <p class="hint" id={`${p.prefix}-hint`}>
        Bands are ordered by "up to" (inclusive); leave "up to" empty on the last band, which has no end. Unit prices are in minor units (cents).
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {Array.from({ length: rows }, (_, i) => (
        <div class="row">
          <Field name={`${p.prefix}.${i}.upTo`} label={`Band ${i + 1}: up to (units)`} type="number" min={1} value={p.typed ? p.typed[`${p.prefix}.${i}.upTo`] : p.bands[i]?.upTo} problem={p.problem} />
          <Field name={`${p.prefix}.${i}.unitAmount`} label={`Band ${i + 1}: unit price (minor units)`} type="number" min={1} value={p.typed ? p.typed[`${p.prefix}.${i}.unitAmount`] : p.bands[i]?.unitAmount} problem={p.problem} />
        </div>
      ))}
    </fieldset>
  );
};

/** Name, validity and tiers mode, as the API's body names them. */
export const TermsFields = (p: { values: Record<string, string | null | undefined>; problem?: FormProblem; successor?: { startsOn: string } }) => (
  <>
    <Field name="name" label="Name" value={p.values.name} required problem={p.problem} />
    {p.successor ? (
      <p>
        Valid from <strong>{p.successor.startsOn}</strong>, the day after this list ends.
      </p>
    ) : (
      <Field name="validFrom" label="Valid from" type="date" value={p.values.validFrom} required problem={p.problem} hint="The first day it prices purchases (YYYY-MM-DD)." />
    )}
    <Field name="validTo" label="Valid to (optional)" type="date" value={p.values.validTo} problem={p.problem} hint="The last day, inclusive; empty: no end." />
    <Select name="tiersMode" label="Tiers mode" options={TIERS} value={p.values.tiersMode ?? 'volume'} problem={p.problem} />
  </>
);

/** A new list's one currency and its bands, as readOneCurrency reads them. */
export const OneCurrencyFields = (p: { currency?: string; hint?: string; typed?: Record<string, string>; problem?: FormProblem }) => (
  <>
    <Field name="currency" label="Currency" value={p.currency} required problem={p.problem} hint={p.hint} />
    <BandRows prefix="bands" legend="Volume bands" bands={[]} typed={p.typed} problem={p.problem} />
  </>
);
