// Price-list arithmetic. Pure: imported by the API, activities and tests alike.

export interface Band {
  /** Inclusive upper quantity of the band; null on the last, open-ended band. */
  upTo: number | null;
  /** Minor units per unit (response or cohort). */
  unitAmount: number;
}

/**
 * volume: the band the purchased quantity falls in prices every unit (the default).
 * graduated: each unit is priced by the band it falls in (1–99 at one price, 100–499 at the next, …).
 */
export type TiersMode = 'volume' | 'graduated';

export interface PriceListTerms {
  id: string;
  validFrom: string;
  validTo: string | null;
  tiersMode: TiersMode;
  currencies: Record<string, Band[]>;
}

export interface Quote {
  quantity: number;
  currency: string;
  unitAmount: number;
  amount: number;
  priceListId: string;
  band: { index: number; from: number; upTo: number | null; unitAmount: number };
  tiersMode: TiersMode;
}

/** Problems with one currency's bands, each naming the band's position. Empty when valid. */
export function bandProblems(bands: Band[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) return ['at least one band is required'];
  let previous = 0;
  bands.forEach((band, i) => {
    const last = i === bands.length - 1;
    if (!Number.isSafeInteger(band.unitAmount) || band.unitAmount <= 0) problems.push(`band ${i}: unitAmount must be a positive integer (minor units)`);
    if (last && band.upTo !== null) problems.push(`band ${i}: the last band must be open-ended (upTo: null)`);
    if (!last && band.upTo === null) problems.push(`band ${i}: only the last band may be open-ended`);
    if (band.upTo !== null) {
      if (!Number.isSafeInteger(band.upTo) || band.upTo < 1) problems.push(`band ${i}: upTo must be a positive integer`);
      else if (band.upTo <= previous) problems.push(`band ${i}: upTo must be greater than the previous band's (${previous}); bands are ordered and do not overlap`);
      else previous = band.upTo;
    }
  });
  return problems;
}

/** Problems with a whole price list (bands per currency, at least one currency, the window), each naming its field. Empty when valid. */
export function priceListProblems(terms: Pick<PriceListTerms, 'validFrom' | 'currencies'> & { validTo?: string | null }): { path: string; message: string }[] {
  const problems = Object.entries(terms.currencies).flatMap(([currency, bands]) => bandProblems(bands).map((message) => ({ path: `currencies.${currency}`, message })));
  if (Object.keys(terms.currencies).length === 0) problems.push({ path: 'currencies', message: 'at least one currency is required' });
  if (terms.validTo && terms.validTo < terms.validFrom) problems.push({ path: 'validTo', message: 'must not be before validFrom' });
  return problems;
}

/** The 0-based band a quantity falls in, with its first quantity. */
export function bandFor(bands: Band[], quantity: number): { index: number; from: number } {
  let from = 1;
  for (let i = 0; i < bands.length; i++) {
    const upTo = bands[i]!.upTo;
    if (upTo === null || quantity <= upTo) return { index: i, from };
    from = upTo + 1;
  }
  throw new Error('bands must end with an open-ended band');
}

export function amountFor(bands: Band[], quantity: number, mode: TiersMode): number {
  if (mode === 'volume') return bands[bandFor(bands, quantity).index]!.unitAmount * quantity;
  let total = 0;
  let from = 1;
  for (const band of bands) {
    const to = band.upTo === null ? quantity : Math.min(band.upTo, quantity);
    if (to >= from) total += (to - from + 1) * band.unitAmount;
    if (band.upTo === null || band.upTo >= quantity) break;
    from = band.upTo + 1;
  }
  return total;
}

export const isValidOn = (terms: Pick<PriceListTerms, 'validFrom' | 'validTo'>, date: string) =>
  terms.validFrom <= date && (terms.validTo === null || date <= terms.validTo);

/** The quote, or why there is none. `date` is a calendar date (YYYY-MM-DD). */
export function quote(
  terms: PriceListTerms,
  quantity: number,
  currency: string,
  date: string,
): { ok: true; quote: Quote } | { ok: false; reason: string } {
  if (!isValidOn(terms, date)) {
    return { ok: false, reason: `The price list is valid from ${terms.validFrom}${terms.validTo ? ` to ${terms.validTo}` : ''}, not on ${date}` };
  }
  const bands = terms.currencies[currency];
  if (!bands) return { ok: false, reason: `The price list has no prices in ${currency} (it has ${Object.keys(terms.currencies).join(', ')})` };
  const { index, from } = bandFor(bands, quantity);
  const band = bands[index]!;
  return {
    ok: true,
    quote: {
      quantity,
      currency,
      unitAmount: band.unitAmount,
      amount: amountFor(bands, quantity, terms.tiersMode),
      priceListId: terms.id,
      band: { index, from, upTo: band.upTo, unitAmount: band.unitAmount },
      tiersMode: terms.tiersMode,
    },
  };
}

/** Today's calendar date in UTC. */
export const utcDate = (at: Date) => at.toISOString().slice(0, 10);

/** The calendar day after `date` (YYYY-MM-DD). */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The list of a successor chain (date order, as an organization's link follows it) that is valid
 * on `date`; the first one when none is, so its quote says why.
 */
export function listOnDate<T extends Pick<PriceListTerms, 'validFrom' | 'validTo'>>(chain: T[], date: string): T | undefined {
  return chain.find((list) => isValidOn(list, date)) ?? chain[0];
}

/** Terms a price list edit may change. */
export interface EditableTerms {
  name: string;
  validFrom: string;
  validTo: string | null;
  tiersMode: TiersMode;
  currencies: Record<string, Band[]>;
}

/**
 * Why an edit cannot apply to a list in a successor chain: the dates that join it to its
 * neighbours stay (a predecessor's end fixes its start, a successor's start its end). Null when fine.
 */
export function chainEditProblem(
  before: Pick<EditableTerms, 'validFrom' | 'validTo'>,
  after: Pick<EditableTerms, 'validFrom' | 'validTo'>,
  chain: { hasPredecessor: boolean; hasSuccessor: boolean },
): { path: string; message: string } | null {
  if (chain.hasPredecessor && after.validFrom !== before.validFrom) return { path: 'validFrom', message: 'starts the day after its predecessor ends: it cannot move' };
  if (chain.hasSuccessor && after.validTo !== before.validTo) return { path: 'validTo', message: 'ends the day before its successor starts: it cannot move' };
  return null;
}

/** Whether an edit changes nothing (a repeat): then nothing is written and no version made. */
export const sameTerms = (a: EditableTerms, b: EditableTerms): boolean =>
  a.name === b.name && a.validFrom === b.validFrom && a.validTo === b.validTo && a.tiersMode === b.tiersMode && canonical(a.currencies) === canonical(b.currencies);

/** Currencies as text with every key sorted (the database keeps JSON keys in its own order). */
const canonical = (currencies: Record<string, Band[]>): string =>
  JSON.stringify(Object.keys(currencies).sort().map((c) => [c, currencies[c]!.map((b) => [b.upTo, b.unitAmount])]));
