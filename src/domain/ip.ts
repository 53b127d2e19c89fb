// IP addresses and CIDR ranges, for trusted proxies and group access rules alike. Pure.
import { isIP } from 'node:net';

interface Parsed {
  family: 4 | 6;
  value: bigint;
}

function parseIpv4(s: string): bigint {
  return s.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(s: string): bigint {
  let text = s;
  // A trailing dotted quad (::ffff:192.0.2.1) stands for the last two groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v = parseIpv4(quad[1]!);
    text = text.slice(0, -quad[1]!.length) + `${(v >> 16n).toString(16)}:${(v & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** An IPv4 or IPv6 address as a number; IPv4-mapped IPv6 addresses count as IPv4. */
export function parseIp(input: string): Parsed | undefined {
  const s = input.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(s);
  if (family === 4) return { family: 4, value: parseIpv4(s) };
  if (family === 6) {
    const value = parseIpv6(s);
    if (value >> 32n === 0xffffn) return { family: 4, value: value & 0xffffffffn };
    return { family: 6, value };
  }
  return undefined;
}

const bitsOf = (family: 4 | 6) => (family === 4 ? 32 : 128);

function format({ family, value }: Parsed): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // The longest run of zero groups (two or more) becomes "::".
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  if (best.len < 2) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

export type Normalized<T> = { ok: true; value: T } | { ok: false; message: string };

/** "203.0.113.7/24" → "203.0.113.0/24"; a bare address is a single-host range. */
export function normalizeCidr(input: string): Normalized<string> {
  const [addr, bits, extra] = input.trim().split('/');
  const ip = parseIp(addr ?? '');
  if (!ip || extra !== undefined || addr !== addr?.trim()) return { ok: false, message: `not an IP address or CIDR range: ${input}` };
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return { ok: false, message: `bad prefix length in ${input}` };
  // An IPv4-mapped IPv6 range (::ffff:a.b.c.d/120) is the IPv4 range of its last 32 bits.
  const mapped = ip.family === 4 && isIP(addr!.trim()) === 6 ? 96 : 0;
  const max = bitsOf(ip.family);
  const prefix = bits === undefined ? max : Number(bits) - mapped;
  if (prefix < 0 || prefix > max) return { ok: false, message: `prefix length must be ${mapped} to ${max + mapped} in ${input}` };
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(max - prefix);
  return { ok: true, value: `${format({ family: ip.family, value: ip.value & mask })}/${prefix}` };
}

/** Whether `ip` (as the server saw it) lies in one of the normalised ranges. */
export function ipInRanges(ip: string, ranges: string[]): boolean {
  const addr = parseIp(ip);
  if (!addr) return false;
  return ranges.some((range) => {
    const [net, bits] = range.split('/');
    const n = parseIp(net ?? '');
    if (!n || n.family !== addr.family) return false;
    const max = bitsOf(n.family);
    const shift = BigInt(max - Number(bits));
    return addr.value >> shift === n.value >> shift;
  });
}

