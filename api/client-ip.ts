import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { ipInRanges, normalizeCidr } from '../src/domain/ip';

/** CIDR list → matcher. Also validates: throws on a malformed range. */
export function cidrMatcher(ranges: string[]): (ip: string) => boolean {
  const normalized = ranges.map((range) => {
    const r = normalizeCidr(range);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  });
  return (ip) => ipInRanges(ip, normalized);
}

/**
 * The caller's address as the server sees it. X-Forwarded-For is believed only when the
 * direct peer is a configured trusted proxy, and then only its right-most untrusted hop.
 */
export function clientIpResolver(trustedProxies: string[]) {
  const trusted = cidrMatcher(trustedProxies);
  return (c: Context): string => {
    let peer = 'unknown';
    try {
      peer = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // Not served by @hono/node-server (e.g. app.request in a unit test).
    }
    peer = peer.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
    if (!trusted(peer)) return peer;
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) if (!trusted(hops[i]!)) return hops[i]!;
    return hops[0] ?? peer;
  };
}
