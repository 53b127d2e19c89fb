// Access rules of a group: CIDR ranges and e-mail domains. Pure.
import { domainToASCII } from 'node:url';
import { ipInRanges, normalizeCidr, type Normalized } from '../ip';

export { ipInRanges, normalizeCidr } from '../ip';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** "@XYZ.Example." → "xyz.example"; internationalised names become their ASCII (punycode) form. */
export function normalizeDomain(input: string): Normalized<string> {
  const stripped = input.trim().replace(/^@+/, '').replace(/^\.+|\.+$/g, '').toLowerCase();
  const ascii = domainToASCII(stripped);
  const labels = ascii.split('.');
  if (!ascii || ascii.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, message: `not a domain name: ${input}` };
  }
  return { ok: true, value: ascii };
}

/** The domain of an address, normalised like the rules; undefined when it has none. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  const d = normalizeDomain(email.slice(at + 1));
  return d.ok ? d.value : undefined;
}

/** A rule admits its domain and every subdomain of it (staff@dept.xyz.example for xyz.example). */
export function emailMatchesDomains(email: string, domains: string[]): boolean {
  const domain = emailDomain(email);
  if (!domain) return false;
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** Validates and normalises a whole rule set; errors name the offending entries by index. */
export function normalizeAccessRules(input: { ipRanges: string[]; emailDomains: string[] }) {
  const errors: { path: string; message: string }[] = [];
  const collect = (list: string[], field: string, fn: (s: string) => Normalized<string>) => {
    const out: string[] = [];
    list.forEach((entry, i) => {
      const r = fn(entry);
      if (r.ok) {
        if (!out.includes(r.value)) out.push(r.value);
      } else errors.push({ path: `${field}.${i}`, message: r.message });
    });
    return out;
  };
  const ipRanges = collect(input.ipRanges, 'ipRanges', normalizeCidr);
  const emailDomains = collect(input.emailDomains, 'emailDomains', normalizeDomain);
  return { ipRanges, emailDomains, errors };
}

/**
 * How an address gets into a group: its network address (as the server sees it) first, else its
 * e-mail domain, which it must then prove; undefined when neither matches, or the group has no rules.
 */
export function accessVia(rules: { ipRanges: string[]; emailDomains: string[] } | undefined, clientIp: string, email: string): 'ip' | 'email_domain' | undefined {
  if (!rules) return undefined;
  if (ipInRanges(clientIp, rules.ipRanges)) return 'ip';
  return emailMatchesDomains(email, rules.emailDomains) ? 'email_domain' : undefined;
}
