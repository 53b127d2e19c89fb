import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailMatchesDomains, ipInRanges, normalizeAccessRules, normalizeCidr, normalizeDomain } from '../../src/domain/groups/access';
import { CODE_ALPHABET, codeFromBytes, normalizeCode, UNIQUE_CODE_LENGTH } from '../../src/domain/groups/codes';
import { importFromJson, parseImportCsv } from '../../src/domain/groups/imports';
import { csvField, toCsv } from '../../src/domain/groups/report';
import { hashVerificationCode, newVerificationCode, verificationCodeMatches } from '../../src/domain/groups/verification';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : `error: ${r.message}`);

describe('CIDR ranges', () => {
  it('normalises to the network address and canonical form', () => {
    expect(value(normalizeCidr('203.0.113.7/24'))).toBe('203.0.113.0/24');
    expect(value(normalizeCidr(' 192.0.2.1 '))).toBe('192.0.2.1/32');
    expect(value(normalizeCidr('10.1.2.3/0'))).toBe('0.0.0.0/0');
    expect(value(normalizeCidr('2001:DB8:0:0:1::/32'))).toBe('2001:db8::/32');
    expect(value(normalizeCidr('2001:db8::1'))).toBe('2001:db8::1/128');
    expect(value(normalizeCidr('::ffff:198.51.100.9/120'))).toBe('198.51.100.0/24');
  });

  it('refuses what is not a range', () => {
    for (const bad of ['300.1.1.1/8', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/-1', '10.0.0.0/8/8', 'example.com', '', '10.0.0.0/ 8']) {
      expect(normalizeCidr(bad).ok, bad).toBe(false);
    }
  });

  it('matches addresses inside a range and nothing outside, v4-mapped v6 included', () => {
    const ranges = ['203.0.113.0/24', '2001:db8::/32'];
    expect(ipInRanges('203.0.113.255', ranges)).toBe(true);
    expect(ipInRanges('::ffff:203.0.113.9', ranges)).toBe(true);
    expect(ipInRanges('203.0.114.0', ranges)).toBe(false);
    expect(ipInRanges('2001:db8:ffff::1', ranges)).toBe(true);
    expect(ipInRanges('2001:db9::1', ranges)).toBe(false);
    expect(ipInRanges('unknown', ranges)).toBe(false);
  });

  it('every address lies in any range built around it, and ranges do not leak across families', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    fc.assert(
      fc.property(v4, fc.integer({ min: 0, max: 32 }), (ip, bits) => {
        const range = normalizeCidr(`${ip}/${bits}`);
        return range.ok && ipInRanges(ip, [range.value]) && !ipInRanges('2001:db8::1', [range.value]);
      }),
    );
  });
});

describe('e-mail domains', () => {
  it('are lower-cased without a leading @ or dots, internationalised names in ASCII', () => {
    expect(value(normalizeDomain('@XYZ.Example.'))).toBe('xyz.example');
    expect(value(normalizeDomain('..sub.xyz.example'))).toBe('sub.xyz.example');
    expect(value(normalizeDomain('Bücher.example'))).toBe('xn--bcher-kva.example');
    for (const bad of ['localhost', 'no spaces.example', '-bad.example', 'x..example', '192.0.2.1', '']) expect(normalizeDomain(bad).ok, bad).toBe(false);
  });

  it('admit their subdomains, never a look-alike', () => {
    const admitted = { 'ana@xyz.example': true, 'bo@Dept.XYZ.example': true, 'eve@notxyz.example': false, 'eve@xyz.example.evil.example': false, 'xyz.example': false };
    for (const [address, expected] of Object.entries(admitted)) expect(emailMatchesDomains(address, ['xyz.example']), address).toBe(expected);
  });

  it('a rule set is normalised whole, duplicates dropped, errors by index', () => {
    const r = normalizeAccessRules({ ipRanges: ['10.0.0.1/8', '10.0.0.0/8', 'x'], emailDomains: ['A.example', '@a.example'] });
    expect(r).toEqual({ ipRanges: ['10.0.0.0/8'], emailDomains: ['a.example'], errors: [{ path: 'ipRanges.2', message: 'not an IP address or CIDR range: x' }] });
  });
});

describe('coupon codes', () => {
  it('unique codes are 12 symbols of an alphabet without 0/O or 1/I', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: UNIQUE_CODE_LENGTH, maxLength: UNIQUE_CODE_LENGTH }), (bytes) => {
        const code = codeFromBytes(bytes);
        return code.length === UNIQUE_CODE_LENGTH && [...code].every((ch) => CODE_ALPHABET.includes(ch));
      }),
    );
  });

  it('what people type is compared without case, blanks or dashes', () => {
    expect(normalizeCode(' k7m2-qx9p-lr4t ')).toBe('K7M2QX9PLR4T');
  });
});

describe('import lists', () => {
  it('judges each CSV row by its line, the header being line 1', () => {
    const parsed = parseImportCsv('\uFEFFName,Email\r\n"Doe, Jane",JANE@xyz.example\r\nBob,bob@xyz\r\n,nameless@xyz.example\r\nJane again,jane@xyz.example\r\nToo,many,fields\r\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.line, r.email, r.error ?? 'ok'])).toEqual([
      [2, 'jane@xyz.example', 'ok'],
      [3, 'bob@xyz', 'email: not an e-mail address'],
      [4, 'nameless@xyz.example', 'name: required'],
      [5, 'jane@xyz.example', 'email: duplicate of line 2'],
      [6, 'many', 'expected 2 fields, found 3'],
    ]);
  });

  it('refuses a list without the right header, or without users', () => {
    expect(parseImportCsv('email\na@xyz.example\n')).toEqual({ ok: false, errors: [{ line: 1, message: 'missing column name' }] });
    expect(parseImportCsv('email,name\n').ok).toBe(false);
    expect(importFromJson([]).ok).toBe(false);
  });

  it('numbers JSON users from 1', () => {
    const parsed = importFromJson([{ email: 'a@xyz.example', name: 'A' }, { email: 'broken', name: 'B' }]);
    expect(parsed.ok && parsed.rows.map((r) => [r.line, r.error ?? 'ok'])).toEqual([[1, 'ok'], [2, 'email: not an e-mail address']]);
  });
});

describe('report CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('Doe, "Jane"')).toBe('"Doe, ""Jane"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [{ a: 1, b: 'x' }])).toBe('a,b\r\n1,x\r\n');
  });
});

describe('verification codes', () => {
  it('are six digits, stored only as a salted hash', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^\d{6}$/);
    const hash = hashVerificationCode('claim-1', code);
    expect(verificationCodeMatches('claim-1', code, hash)).toBe(true);
    expect(verificationCodeMatches('claim-2', code, hash)).toBe(false);
    expect(hash.equals(hashVerificationCode('claim-2', code))).toBe(false);
  });
});
