// Which addresses a webhook may be sent to. Pure.
import { ipInRanges, normalizeCidr, parseIp } from '../ip';

/**
 * Loopback, private, link-local and other non-public ranges: a webhook sent there would reach the
 * platform's own network (SSRF). Refused unless WEBHOOK_ALLOW_PRIVATE=true.
 */
const NOT_PUBLIC = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT (shared address space)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local (cloud metadata services live here)
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
  '::/128', // unspecified
  '::1/128', // loopback
  'fc00::/7', // unique local (private)
  'fe80::/10', // link-local
  'ff00::/8', // multicast
].map((r) => {
  const n = normalizeCidr(r);
  if (!n.ok) throw new Error(n.message);
  return n.value;
});

/** NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judged by that address. */
function embeddedIpv4(ip: string): string | undefined {
  const p = parseIp(ip);
  if (!p || p.family !== 6) return undefined;
  const v4 = (shift: bigint) => [24n, 16n, 8n, 0n].map((s) => String(((p.value >> shift) >> s) & 0xffn)).join('.');
  if (p.value >> 32n === 0x64ff9bn << 64n) return v4(0n);
  if (p.value >> 112n === 0x2002n) return v4(80n);
  return undefined;
}

/** Whether `ip` may receive webhooks: a public address. Anything that is not an address is refused. */
export function isPublicAddress(ip: string): boolean {
  if (!parseIp(ip)) return false;
  if (ipInRanges(ip, NOT_PUBLIC)) return false;
  const v4 = embeddedIpv4(ip);
  return v4 === undefined || !ipInRanges(v4, NOT_PUBLIC);
}
