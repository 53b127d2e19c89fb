import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from '../domain/webhooks/addresses';
import { urlProblem } from '../domain/webhooks/endpoints';
import { AppError } from '../errors';

/** The host of a URL as an address lookup takes it (IPv6 literals without their brackets). */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The addresses a host resolves to, refused when any is loopback, private, link-local or
 * otherwise not public (unless WEBHOOK_ALLOW_PRIVATE): checked when an endpoint is registered or
 * changed, and again at every delivery (DNS can change in between).
 */
export async function resolvePublic(host: string, allowPrivate: boolean): Promise<{ ok: true; addresses: string[] } | { ok: false; reason: string; unresolved?: true }> {
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch (err) {
      return { ok: false, unresolved: true, reason: `the host ${host} does not resolve (${(err as { code?: string }).code ?? 'lookup failed'})` };
    }
  }
  if (addresses.length === 0) return { ok: false, unresolved: true, reason: `the host ${host} has no address` };
  const refused = addresses.filter((a) => !isPublicAddress(a));
  if (!allowPrivate && refused.length) return { ok: false, reason: `the host ${host} resolves to ${refused.join(', ')}, a loopback, private or link-local address` };
  return { ok: true, addresses };
}

/**
 * A URL an endpoint may have, or 422 URL_NOT_ALLOWED saying why not. A host that does not resolve
 * (yet) is accepted: nothing is sent to it until it does, and then to a public address only.
 */
export async function assertWebhookUrl(text: string, allowPrivate: boolean): Promise<void> {
  const problem = urlProblem(text);
  if (problem) throw new AppError('URL_NOT_ALLOWED', `The url ${problem}`);
  const resolved = await resolvePublic(hostOf(new URL(text)), allowPrivate);
  if (!resolved.ok && !resolved.unresolved) {
    throw new AppError('URL_NOT_ALLOWED', `The url is not allowed: ${resolved.reason}. Webhooks go to public addresses only (an operator may allow private ones with WEBHOOK_ALLOW_PRIVATE=true).`);
  }
}
