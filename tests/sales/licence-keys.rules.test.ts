import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/domain/csv';
import { newLicenceKey } from '../../src/domain/tokens';

describe('a new licence key', () => {
  it('is 32 base64url characters that never start with - or _, so an export shows it unchanged', () => {
    const keys = Array.from({ length: 5_000 }, () => newLicenceKey());
    expect(keys).toHaveLength(5_000);
    expect(keys.filter((k) => !/^[A-Za-z0-9][A-Za-z0-9_-]{31}$/.test(k))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    // 5 000 keys hold about 80 with a '-' inside them: none of them is changed by the CSV's formula guard.
    expect(keys.filter((k) => k.includes('-')).length).toBeGreaterThan(0);
    const csv = toCsv(['key'], keys.map((key) => ({ key })));
    expect(csv.trim().split(/\r?\n/).slice(1)).toEqual(keys);
  });
});
