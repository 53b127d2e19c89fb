import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import {
  ATTEMPT_TIMEOUT_MS,
  classifyStatus,
  honoursRetryAfter,
  nextDelay,
  parseRetryAfter,
  type AttemptOutcome,
} from '../domain/webhooks/schedule';
import { signatureHeader } from '../domain/webhooks/signing';
import { attemptRecorded, cancelDelivery, deliveryForAttempt, disableGoneEndpoint, recordAttempt, type AttemptRecord } from '../repos/webhooks';
import type { AttemptResult } from '../../workflows/platform/webhook-delivery-definitions';
import type { Services } from './services';
import { hostOf, resolvePublic } from './webhook-urls';
import { signingSecrets } from './webhooks';

// One attempt of a webhook delivery (docs/events.md): the signed POST, what it answered, and what
// that means for the delivery, recorded once.

export interface AttemptInput {
  deliveryId: string;
  attempt: number;
  /** The workflow's jittered wait before the next attempt should this one fail; null after the last. */
  scheduledNextDelayMs: number | null;
  /** When the workflow made the attempt (workflow time): the attempt's recorded time. */
  at?: string;
}

interface Answer {
  status?: number;
  retryAfter?: string;
  error?: string;
}

const USER_AGENT = 'partnerflow-webhooks/1';

/**
 * POSTs `body` to `url` within ATTEMPT_TIMEOUT_MS. The connection goes only to an address checked
 * as it is resolved (no second lookup a DNS change could slip through), or to the URL's own
 * address once checked; redirects are not followed.
 */
async function post(url: URL, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<Answer> {
  // An address in the URL is connected to without a lookup: it is checked here instead.
  const host = hostOf(url);
  if (isIP(host)) {
    const checked = await resolvePublic(host, allowPrivate);
    if (!checked.ok) return { error: checked.reason.slice(0, 500) };
  }
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolvePublic(hostname, allowPrivate).then(
      (r) => {
        if (!r.ok) return callback(Object.assign(new Error(r.reason), { code: 'URL_NOT_ALLOWED' }), '', 4);
        const address = r.addresses[0]!;
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, r.addresses.map((a) => ({ address: a, family: a.includes(':') ? 6 : 4 })));
        return callback(null, address, address.includes(':') ? 6 : 4);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 4),
    );
  };
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (a: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(a);
    };
    const req = client.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, agent: false }, (res) => {
      const retryAfter = res.headers['retry-after'];
      // The answer's body is not read beyond what arrives: only its status matters.
      res.resume();
      done({ status: res.statusCode, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
      res.on('error', () => undefined);
    });
    const timer = setTimeout(() => {
      done({ error: `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s` });
      req.destroy();
    }, ATTEMPT_TIMEOUT_MS);
    req.on('error', (err: NodeJS.ErrnoException) => {
      done({ error: (err.code === 'URL_NOT_ALLOWED' ? err.message : `${err.code ?? 'error'}: ${err.message}`).slice(0, 500) });
    });
    req.end(body);
  });
}

const resultOf = (r: Pick<AttemptRecord, 'outcome' | 'nextRetryAt' | 'at'>): AttemptResult => ({
  outcome: r.outcome,
  nextDelayMs: r.nextRetryAt ? Math.max(0, r.nextRetryAt.getTime() - r.at.getTime()) : null,
});

/**
 * Makes attempt `attempt` of a delivery and records it. A retried activity whose attempt is
 * already recorded answers what was recorded (the receiver is not called twice for one attempt
 * number). An endpoint disabled or deleted meanwhile ends the delivery without calling it.
 */
export async function attemptDelivery(s: Pick<Services, 'sql' | 'config'>, input: AttemptInput): Promise<AttemptResult> {
  const recorded = await attemptRecorded(s.sql, input.deliveryId, input.attempt);
  if (recorded) return resultOf(recorded);
  const d = await deliveryForAttempt(s.sql, input.deliveryId);
  if (!d) throw new Error(`webhook delivery ${input.deliveryId} not found`);
  if (d.status === 'cancelled') return { outcome: 'cancelled', nextDelayMs: null };
  if (d.status !== 'pending') return { outcome: d.status, nextDelayMs: null };
  if (d.endpointDeleted || d.endpointStatus !== 'enabled') {
    await cancelDelivery(s.sql, d.id);
    return { outcome: 'cancelled', nextDelayMs: null };
  }

  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  const body = JSON.stringify({ type: d.eventType, timestamp: d.eventCreatedAt.toISOString(), data: d.eventData });
  const secrets = signingSecrets(s.config.SECRETS_KEY, d, now);
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': d.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(secrets, d.id, timestamp, body),
  };
  const started = performance.now();
  const answer = await post(new URL(d.url), headers, body, s.config.WEBHOOK_ALLOW_PRIVATE);
  const durationMs = Math.round(performance.now() - started);

  let outcome: AttemptOutcome = answer.status === undefined ? 'retry' : classifyStatus(answer.status);
  let nextDelayMs: number | null = null;
  if (outcome === 'retry') {
    if (input.scheduledNextDelayMs === null) outcome = 'failed';
    else {
      const retryAfter = answer.status !== undefined && honoursRetryAfter(answer.status) ? parseRetryAfter(answer.retryAfter, now.getTime()) : undefined;
      nextDelayMs = nextDelay(input.scheduledNextDelayMs, retryAfter);
    }
  }
  const at = input.at ? new Date(input.at) : now;
  const record: AttemptRecord = {
    deliveryId: d.id, attempt: input.attempt, at, durationMs, httpStatus: answer.status ?? null, error: answer.error ?? null, outcome,
    nextRetryAt: nextDelayMs === null ? null : new Date(at.getTime() + nextDelayMs),
  };
  await s.sql.begin(async (tx) => {
    const first = await recordAttempt(tx, record);
    if (first && outcome === 'gone') await disableGoneEndpoint(tx, d.endpointId);
  });
  return { outcome, nextDelayMs };
}
