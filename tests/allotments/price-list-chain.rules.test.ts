import { describe, expect, it } from 'vitest';
import { chainEditProblem, dayAfter, listOnDate, sameTerms } from '../../src/domain/allotments/pricing';

describe('price list chains', () => {
  it('starts a successor the calendar day after, across months, years and leap days', () => {
    expect(dayAfter('2027-01-31')).toBe('2027-02-01');
    expect(dayAfter('2027-12-31')).toBe('2028-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2027-02-28')).toBe('2027-03-01');
  });

  it('prices a date with the list of the chain valid on it, else the first (whose quote says why)', () => {
    const chain = [
      { id: 'a', validFrom: '2027-01-01', validTo: '2027-06-30' },
      { id: 'b', validFrom: '2027-07-01', validTo: '2027-12-31' },
      { id: 'c', validFrom: '2028-01-01', validTo: null },
    ];
    expect(listOnDate(chain, '2027-06-30')?.id).toBe('a');
    expect(listOnDate(chain, '2027-07-01')?.id).toBe('b');
    expect(listOnDate(chain, '2031-05-05')?.id).toBe('c');
    expect(listOnDate(chain, '2026-12-31')?.id).toBe('a');
    expect(listOnDate([], '2027-01-01')).toBeUndefined();
  });

  it('keeps the dates that join a list to its neighbours', () => {
    const before = { validFrom: '2027-01-01', validTo: '2027-06-30' };
    expect(chainEditProblem(before, { ...before, validTo: '2027-07-31' }, { hasPredecessor: true, hasSuccessor: false })).toBeNull();
    expect(chainEditProblem(before, { ...before, validFrom: '2027-01-02' }, { hasPredecessor: true, hasSuccessor: false })?.path).toBe('validFrom');
    expect(chainEditProblem(before, { ...before, validTo: '2027-07-31' }, { hasPredecessor: false, hasSuccessor: true })?.path).toBe('validTo');
    expect(chainEditProblem(before, { ...before, validFrom: '2026-01-01' }, { hasPredecessor: false, hasSuccessor: true })).toBeNull();
  });

  it('sees an edit that changes nothing whatever the order of keys the database kept', () => {
    const terms = { name: 'P', validFrom: '2027-01-01', validTo: null, tiersMode: 'volume' as const, currencies: { USD: [{ upTo: null, unitAmount: 5 }], EUR: [{ upTo: null, unitAmount: 4 }] } };
    const reordered = { ...terms, currencies: { EUR: [{ unitAmount: 4, upTo: null }], USD: [{ unitAmount: 5, upTo: null }] } };
    expect(sameTerms(terms, reordered)).toBe(true);
    expect(sameTerms(terms, { ...terms, currencies: { ...terms.currencies, EUR: [{ upTo: null, unitAmount: 3 }] } })).toBe(false);
    expect(sameTerms(terms, { ...terms, name: 'Q' })).toBe(false);
  });
});
