import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountFor, bandFor, bandProblems, isValidOn, priceListProblems, quote, type Band, type PriceListTerms } from '../../src/domain/allotments/pricing';

/** Valid band lists: strictly increasing upper bounds, positive amounts, open-ended last band. */
const bandsArb: fc.Arbitrary<Band[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 0, maxLength: 5 })
  .chain((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    return fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: sorted.length + 1, maxLength: sorted.length + 1 }).map((amounts) => [
      ...sorted.map((upTo, i) => ({ upTo, unitAmount: amounts[i]! })),
      { upTo: null, unitAmount: amounts[sorted.length]! },
    ]);
  });

const EXAMPLE: Band[] = [
  { upTo: 99, unitAmount: 1000 },
  { upTo: 499, unitAmount: 800 },
  { upTo: null, unitAmount: 600 },
];
const terms = (over: Partial<PriceListTerms> = {}): PriceListTerms => ({
  id: 'pl', validFrom: '2027-01-01', validTo: '2027-12-31', tiersMode: 'volume', currencies: { EUR: EXAMPLE }, ...over,
});

describe('volume bands', () => {
  it('prices every unit at the band the quantity falls in, at the boundaries', () => {
    expect(amountFor(EXAMPLE, 1, 'volume')).toBe(1000);
    expect(amountFor(EXAMPLE, 99, 'volume')).toBe(99 * 1000);
    expect(amountFor(EXAMPLE, 100, 'volume')).toBe(100 * 800);
    expect(amountFor(EXAMPLE, 499, 'volume')).toBe(499 * 800);
    expect(amountFor(EXAMPLE, 500, 'volume')).toBe(500 * 600);
  });

  it('graduated tiers price each unit by its own band', () => {
    expect(amountFor(EXAMPLE, 100, 'graduated')).toBe(99 * 1000 + 800);
    expect(amountFor(EXAMPLE, 600, 'graduated')).toBe(99 * 1000 + 400 * 800 + 101 * 600);
  });

  it('property: every quantity falls in exactly one band, and volume = quantity × that band\'s unit amount', () => {
    fc.assert(
      fc.property(bandsArb, fc.integer({ min: 1, max: 50_000 }), (bands, q) => {
        expect(bandProblems(bands)).toEqual([]);
        const { index, from } = bandFor(bands, q);
        const band = bands[index]!;
        expect(q).toBeGreaterThanOrEqual(from);
        if (band.upTo !== null) expect(q).toBeLessThanOrEqual(band.upTo);
        if (index > 0) expect(q).toBeGreaterThan(bands[index - 1]!.upTo!);
        expect(amountFor(bands, q, 'volume')).toBe(q * band.unitAmount);
      }),
    );
  });

  it('property: graduated totals grow by exactly the next unit\'s band price', () => {
    fc.assert(
      fc.property(bandsArb, fc.integer({ min: 1, max: 20_000 }), (bands, q) => {
        const step = amountFor(bands, q + 1, 'graduated') - amountFor(bands, q, 'graduated');
        expect(step).toBe(bands[bandFor(bands, q + 1).index]!.unitAmount);
      }),
    );
  });

  it('property: amounts are exact integers in minor units', () => {
    fc.assert(
      fc.property(bandsArb, fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('volume' as const, 'graduated' as const), (bands, q, mode) => {
        expect(Number.isSafeInteger(amountFor(bands, q, mode))).toBe(true);
      }),
    );
  });

  it('refuses overlapping, unordered, non-positive and not open-ended band lists', () => {
    expect(bandProblems([])).not.toEqual([]);
    expect(bandProblems([{ upTo: 10, unitAmount: 5 }])).toEqual(['band 0: the last band must be open-ended (upTo: null)']);
    expect(bandProblems([{ upTo: 10, unitAmount: 5 }, { upTo: 10, unitAmount: 4 }, { upTo: null, unitAmount: 3 }])[0]).toMatch(/band 1: upTo must be greater/);
    expect(bandProblems([{ upTo: null, unitAmount: 5 }, { upTo: null, unitAmount: 4 }])[0]).toMatch(/only the last band/);
    expect(bandProblems([{ upTo: null, unitAmount: 0 }])[0]).toMatch(/positive integer/);
    fc.assert(
      fc.property(bandsArb.filter((b) => b.length > 2), (bands) => {
        const swapped = [bands[1]!, bands[0]!, ...bands.slice(2)];
        expect(bandProblems(swapped).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('currencies and validity dates', () => {
  it('quotes only in a currency the list has', () => {
    const r = quote(terms(), 10, 'USD', '2027-06-01');
    expect(r).toMatchObject({ ok: false });
    expect(quote(terms(), 10, 'EUR', '2027-06-01')).toMatchObject({ ok: true, quote: { currency: 'EUR', unitAmount: 1000, amount: 10_000, band: { index: 0, from: 1, upTo: 99 } } });
  });

  it('is valid on both inclusive edges of the window and not a day outside', () => {
    expect(quote(terms(), 1, 'EUR', '2027-01-01').ok).toBe(true);
    expect(quote(terms(), 1, 'EUR', '2027-12-31').ok).toBe(true);
    expect(quote(terms(), 1, 'EUR', '2026-12-31').ok).toBe(false);
    expect(quote(terms(), 1, 'EUR', '2028-01-01').ok).toBe(false);
    expect(quote(terms({ validTo: null }), 1, 'EUR', '2099-01-01').ok).toBe(true);
  });

  it('property: a date is valid exactly when validFrom ≤ date ≤ validTo', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, d) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(isValidOn({ validFrom: from, validTo: to }, d)).toBe(from <= d && d <= to);
      }),
    );
  });
});

describe('a whole price list', () => {
  it('names the field of every problem: each currency\'s bands, a missing currency, a window that ends before it starts', () => {
    expect(priceListProblems({ validFrom: '2027-01-01', validTo: '2027-12-31', currencies: { EUR: EXAMPLE } })).toEqual([]);
    expect(priceListProblems({ validFrom: '2027-01-01', currencies: { EUR: EXAMPLE, CHF: [{ upTo: 10, unitAmount: 5 }] } }))
      .toEqual([{ path: 'currencies.CHF', message: 'band 0: the last band must be open-ended (upTo: null)' }]);
    expect(priceListProblems({ validFrom: '2027-01-01', currencies: {} })).toEqual([{ path: 'currencies', message: 'at least one currency is required' }]);
    expect(priceListProblems({ validFrom: '2027-01-02', validTo: '2027-01-01', currencies: { EUR: EXAMPLE } })).toEqual([{ path: 'validTo', message: 'must not be before validFrom' }]);
    expect(priceListProblems({ validFrom: '2027-01-01', validTo: '2027-01-01', currencies: { EUR: EXAMPLE } })).toEqual([]);
  });
});
