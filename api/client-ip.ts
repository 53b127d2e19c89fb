import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** CIDR list → matcher. Also validates: throws on a malformed range. */
export function cidrMatcher(ranges: string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const range of ranges) {
    const [addr, bits] = range.split('/');
    const family = isIP(addr ?? '');
    if (!family) throw new Error(`not an IP range: ${range}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(addr!, type);
    else list.addSubnet(addr!, Number(bits), type);
  }
  return (ip) => {
    const family = isIP(ip);
    if (!family) return false;
    const v4mapped = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
    if (v4mapped) return list.check(v4mapped[1]!, 'ipv4');
    return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  };
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
