import { describe, expect, it } from 'vitest';
import { addressSubject, guessingRefused, secretSubject, withinUseLimit } from '../../src/domain/rate-limits';

describe('public-endpoint limits', () => {
  it('counts failures per IPv4 address, and per /64 for IPv6 (one subscriber holds all of it)', () => {
    expect(addressSubject('203.0.113.7')).toBe('203.0.113.7/32');
    expect(addressSubject('::ffff:203.0.113.7')).toBe('203.0.113.7/32');
    expect(addressSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(addressSubject('2001:db8:1:2::9'));
    expect(addressSubject('2001:db8:1:3::1')).not.toBe(addressSubject('2001:db8:1:2::1'));
    expect(addressSubject('unknown')).toBe('unknown');
    expect(addressSubject('')).toBe('unknown');
  });

  it('refuses an address once it has failed as many lookups as the limit', () => {
    expect(guessingRefused(19, 20)).toBe(false);
    expect(guessingRefused(20, 20)).toBe(true);
  });

  it('allows a credential the larger of the base and what it allows', () => {
    expect(withinUseLimit(300, 300)).toBe(true);
    expect(withinUseLimit(301, 300)).toBe(false);
    // A code sold for 500 redemptions serves 500 a minute although the base is 300.
    expect(withinUseLimit(500, 300, 500)).toBe(true);
    expect(withinUseLimit(501, 300, 500)).toBe(false);
    // A small allowance never lowers the base.
    expect(withinUseLimit(50, 300, 5)).toBe(true);
  });

  it('keeps a secret only as its hash', () => {
    const key = 'LK-SECRET-0000-1111';
    expect(secretSubject(key)).not.toContain(key);
    expect(secretSubject(key)).toBe(secretSubject(key));
    expect(secretSubject(key)).toHaveLength(43);
  });
});
