import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { suiteStack } from '../support/suite';
import { waitFor } from '../support/wait';

/** A raw TCP client, as a slow or hostile one behaves: it sends what it is given and then nothing. */
interface RawClient {
  socket: Socket;
  openedAt: number;
  closedAt?: number;
  received: string;
}

function openRaw(port: number, send?: string): Promise<RawClient> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const client: RawClient = { socket, openedAt: 0, received: '' };
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (client.received += d));
    socket.on('close', () => (client.closedAt = Date.now()));
    socket.on('error', () => {});
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.off('error', fail);
      client.openedAt = Date.now();
      if (send) socket.write(send);
      ok(client);
    });
  });
}

const stillOpen = (clients: RawClient[]) => clients.filter((c) => c.closedAt === undefined).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const defaults = loadConfig({});
const portOf = (url: string) => Number(new URL(url).port);

describe('the HTTP server on its default limits', () => {
  const { s } = suiteStack({ worker: false });

  it('closes connections that send nothing or half a request within seconds, serving real requests meanwhile and afterwards', { timeout: 180_000 }, async () => {
    const port = portOf(s.baseUrl);
    const headersTimeout = defaults.HTTP_HEADERS_TIMEOUT_MS;
    const requestTimeout = defaults.HTTP_REQUEST_TIMEOUT_MS;

    const silent = await Promise.all(Array.from({ length: 200 }, () => openRaw(port)));
    const halfHeaders = await Promise.all(
      Array.from({ length: 20 }, (_, i) => openRaw(port, i % 2 ? 'POST /v1/public/redemptions HTTP/1.1\r\nHost: localhost\r\nContent-Ty' : 'GET /v1/organiz')),
    );
    const halfBody = await Promise.all(
      Array.from({ length: 5 }, () =>
        openRaw(port, 'POST /v1/public/redemptions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"code":'),
      ),
    );
    const stalled = [...silent, ...halfHeaders];
    expect(await waitFor(async () => s.http.connections(), (n) => n >= 225)).toBeGreaterThanOrEqual(225);

    // Real requests are answered while 225 connections hang.
    const during: number[] = [];
    for (let i = 0; i < 8; i++) {
      during.push((await s.call('GET', '/v1/organizations')).status);
      await sleep(500);
    }
    expect(during).toEqual(Array(8).fill(200));

    // No complete headers within the headers timeout: 408 and closed, every one of them.
    await waitFor(async () => stillOpen(stalled), (n) => n === 0, headersTimeout + 30_000, 250);
    expect(stillOpen(stalled)).toBe(0);
    for (const c of stalled) {
      expect(c.received).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
      const lived = c.closedAt! - c.openedAt;
      expect(lived).toBeGreaterThanOrEqual(headersTimeout - 1_000);
      expect(lived).toBeLessThan(headersTimeout + 15_000);
    }

    // Headers but only part of the body: the request timeout ends it.
    await waitFor(async () => stillOpen(halfBody), (n) => n === 0, requestTimeout + 30_000, 250);
    expect(stillOpen(halfBody)).toBe(0);
    for (const c of halfBody) {
      expect(c.received).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
      expect(c.closedAt! - c.openedAt).toBeGreaterThanOrEqual(requestTimeout - 1_000);
    }

    // Nothing was held against the server: it serves on, and no connection is left over.
    expect((await s.call('GET', '/v1/organizations')).status).toBe(200);
    const left = await waitFor(async () => s.http.connections(), (n) => n === 0, 30_000);
    expect(left).toBe(0);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', { timeout: 60_000 }, async () => {
    const c = await openRaw(portOf(s.baseUrl), 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await waitFor(async () => c.received, (r) => r.includes('"status":"ok"'), 10_000);
    expect(c.received).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(c.received).toMatch(/Keep-Alive: timeout=5/i);
    await waitFor(async () => c.closedAt, (t) => t !== undefined, defaults.HTTP_KEEP_ALIVE_TIMEOUT_MS + 15_000);
    expect(c.closedAt).toBeDefined();
    expect(c.closedAt! - c.openedAt).toBeGreaterThanOrEqual(defaults.HTTP_KEEP_ALIVE_TIMEOUT_MS - 500);
  });
});

describe('the connection cap', () => {
  const CAP = 20;
  // Long header timeouts here so the held connections stay while the cap is probed.
  const { s } = suiteStack({ worker: false, http: { HTTP_MAX_CONNECTIONS: CAP, HTTP_HEADERS_TIMEOUT_MS: 120_000, HTTP_REQUEST_TIMEOUT_MS: 120_000 } });

  it('answers a connection past the cap 503 problem+json with Retry-After and closes it, then serves again once connections end', { timeout: 120_000 }, async () => {
    const port = portOf(s.baseUrl);
    expect(await waitFor(async () => s.http.connections(), (n) => n === 0, 30_000)).toBe(0);
    const held = await Promise.all(Array.from({ length: CAP }, () => openRaw(port)));
    expect(await waitFor(async () => s.http.connections(), (n) => n === CAP)).toBe(CAP);

    const raw = await openRaw(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await waitFor(async () => raw.closedAt, (t) => t !== undefined, 10_000);
    expect(raw.closedAt).toBeDefined();
    const [head, body] = raw.received.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 Service Unavailable/);
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json/);
    expect(head).toMatch(/\r\nRetry-After: 5/);
    expect(JSON.parse(body!)).toMatchObject({ status: 503, code: 'UNAVAILABLE', detail: expect.stringContaining(`${CAP} open connections`) });

    // An ordinary HTTP client reads the same refusal.
    const refused = await s.call('GET', '/health', { token: null });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body.code).toBe('UNAVAILABLE');
    // A silent one past the cap is refused too, not left hanging.
    const silent = await openRaw(port);
    await waitFor(async () => silent.closedAt, (t) => t !== undefined, 10_000);
    expect(silent.received).toMatch(/^HTTP\/1\.1 503 /);
    expect(s.http.connections()).toBe(CAP);

    // The connections inside the cap are served as usual.
    held[0]!.socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await waitFor(async () => held[0]!.closedAt, (t) => t !== undefined, 10_000);
    expect(held[0]!.received).toMatch(/^HTTP\/1\.1 200 OK/);

    for (const c of held) c.socket.destroy();
    expect(await waitFor(async () => s.http.connections(), (n) => n === 0)).toBe(0);
    const served = await s.call('GET', '/health', { token: null });
    expect(served.status).toBe(200);
  });
});
