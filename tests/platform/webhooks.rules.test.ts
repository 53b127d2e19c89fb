import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { EVENT_PAYLOAD_SCHEMAS, schemaName } from '../../api/routes/platform/event-schemas';
import { EVENT_TYPES } from '../../src/domain/events';
import { generateSecretsKey, open, seal } from '../../src/domain/secret-box';
import { isPublicAddress } from '../../src/domain/webhooks/addresses';
import { normalizeSubscription, subscribes, urlProblem } from '../../src/domain/webhooks/endpoints';
import { classifyStatus, honoursRetryAfter, MAX_ATTEMPTS, nextDelay, parseRetryAfter, RETRY_SCHEDULE_MS, scheduledDelay } from '../../src/domain/webhooks/schedule';
import { generateSecret, signatureHeader } from '../../src/domain/webhooks/signing';
import { openApiDocument } from './openapi';

describe('the retry schedule', () => {
  it('is immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h', () => {
    const s = 1_000, m = 60 * s, h = 60 * m;
    expect(RETRY_SCHEDULE_MS).toEqual([0, 5 * s, 5 * m, 30 * m, 2 * h, 5 * h, 10 * h, 14 * h, 20 * h, 24 * h]);
    expect(MAX_ATTEMPTS).toBe(10);
  });

  it('moves each wait by at most ±10 % (jitter) and never delays the first attempt', () => {
    expect(scheduledDelay(1, 0.99)).toBe(0);
    expect(scheduledDelay(2, 0)).toBe(4_500);
    expect(scheduledDelay(2, 0.5)).toBe(5_000);
    expect(scheduledDelay(10, 0.9999)).toBeLessThanOrEqual(24 * 3_600_000 * 1.1);
    expect(() => scheduledDelay(11, 0.5)).toThrow(RangeError);
  });

  it('2xx succeeds, 410 is gone, everything else is retried; Retry-After counts on 429 and 503 only, never shortens the schedule, at most a day', () => {
    expect([200, 204, 299].map(classifyStatus)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(classifyStatus(410)).toBe('gone');
    expect([301, 400, 404, 429, 500, 503].map(classifyStatus)).toEqual(Array(6).fill('retry'));
    expect([429, 503, 500].map(honoursRetryAfter)).toEqual([true, true, false]);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(nextDelay(5_000, 60_000)).toBe(60_000);
    expect(nextDelay(300_000, 1_000)).toBe(300_000);
    expect(nextDelay(5_000, 30 * 86_400_000)).toBe(86_400_000);
    expect(nextDelay(5_000, undefined)).toBe(5_000);
  });
});

describe('signatures', () => {
  it('are Standard Webhooks signatures: standardwebhooks verifies each secret of a rotation', () => {
    const [a, b] = [generateSecret(), generateSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const id = 'e5b1d7c2-0000-4000-8000-000000000001';
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: 'purchase.paid', timestamp: new Date().toISOString(), data: { quantity: 1 } });
    const header = signatureHeader([a, b], id, timestamp, body);
    expect(header.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': header };
    expect(new Webhook(a).verify(body, headers)).toMatchObject({ type: 'purchase.paid' });
    expect(new Webhook(b).verify(body, headers)).toMatchObject({ type: 'purchase.paid' });
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(a).verify(body.replace('1', '2'), headers)).toThrow();
    // Our header is the one the package itself makes.
    expect(signatureHeader([a], id, timestamp, body)).toBe(new Webhook(a).sign(id, new Date(timestamp * 1000), body));
  });
});

describe('where webhooks may go', () => {
  it('public addresses only: loopback, private, link-local, CGNAT, multicast and embedded private IPv4 are refused', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '93.184.216.34']) expect(isPublicAddress(ip), ip).toBe(true);
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '64:ff9b::a00:1', '2002:a00:1::', 'not-an-ip']) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });

  it('absolute http(s) URLs without credentials or fragment', () => {
    expect(urlProblem('https://partner.example/hook')).toBeUndefined();
    expect(urlProblem('partner.example/hook')).toMatch(/absolute/);
    expect(urlProblem('ftp://partner.example/hook')).toMatch(/http/);
    expect(urlProblem('https://u:p@partner.example/hook')).toMatch(/credentials/);
    expect(urlProblem('https://partner.example/hook#x')).toMatch(/fragment/);
  });

  it('subscriptions: ["*"] receives every type; listed types once, in catalogue order', () => {
    expect(normalizeSubscription(['sale.approved', 'purchase.paid', 'sale.approved'])).toEqual(['purchase.paid', 'sale.approved']);
    expect(normalizeSubscription(['sale.approved', '*'])).toEqual(['*']);
    expect(subscribes(['*'], 'key.issued')).toBe(true);
    expect(subscribes(['purchase.paid'], 'key.issued')).toBe(false);
  });
});

describe('secrets at rest', () => {
  it('are sealed with SECRETS_KEY and open only with the same key and context', () => {
    const key = generateSecretsKey();
    const sealed = seal(key, 'webhook-endpoint:a', 'whsec_abc');
    expect(sealed).not.toContain('whsec_abc');
    expect(open(key, 'webhook-endpoint:a', sealed)).toBe('whsec_abc');
    expect(() => open(key, 'webhook-endpoint:b', sealed)).toThrow();
    expect(() => open(generateSecretsKey(), 'webhook-endpoint:a', sealed)).toThrow();
    expect(seal(key, 'webhook-endpoint:a', 'whsec_abc')).not.toBe(sealed);
  });
});

describe('the event catalogue', () => {
  it('has a payload schema for every event type', () => {
    expect(EVENT_TYPES.length).toBeGreaterThanOrEqual(22);
    expect(Object.keys(EVENT_PAYLOAD_SCHEMAS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('is the OpenAPI document\'s webhooks section: each type with its body {type, timestamp, data}', async () => {
    const doc = (await openApiDocument()) as unknown as { openapi: string; webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }>; components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      const ref = doc.webhooks[type]!.post.requestBody.content['application/json'].schema.$ref;
      expect(ref).toBe(`#/components/schemas/${schemaName(type)}Webhook`);
      const body = doc.components.schemas[`${schemaName(type)}Webhook`]!;
      expect(Object.keys(body.properties)).toEqual(['type', 'timestamp', 'data']);
      expect(body.required).toEqual(['type', 'timestamp', 'data']);
    }
  });
});
