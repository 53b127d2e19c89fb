import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { waitFor } from './wait';

// A real HTTP receiver for outgoing webhooks: it records every request it gets and checks each
// signature with the `standardwebhooks` package (an implementation nobody here wrote) against the
// secrets the test gave it. It answers 200 unless told otherwise, per path: a queue of answers
// (500, 410, 429 with Retry-After, …) used one per request, then a standing answer.

export interface Answer {
  status: number;
  retryAfter?: string;
  /** Answer only after this long (a receiver too slow for the sender's limit). */
  delayMs?: number;
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  /** When it arrived (this process's clock). */
  at: Date;
  /** The secrets (of those the receiver was given) whose signature verified with standardwebhooks. */
  verifiedWith: string[];
  /** What the receiver answered. */
  answered: number;
}

export async function startWebhookReceiver() {
  const received: Received[] = [];
  const queues = new Map<string, Answer[]>();
  const standing = new Map<string, Answer>();
  let secrets: string[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const verifiedWith = secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(raw, req.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      });
      const path = req.url ?? '';
      const answer = queues.get(path)?.shift() ?? standing.get(path) ?? { status: 200 };
      let body: Received['body'];
      try {
        body = JSON.parse(raw) as Received['body'];
      } catch {
        body = { type: '(not JSON)', timestamp: '', data: {} };
      }
      received.push({ path, headers: req.headers, raw, body, at: new Date(), verifiedWith, answered: answer.status });
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.retryAfter ? { 'retry-after': answer.retryAfter } : {});
        res.end();
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    received,
    /** A URL of this receiver; `path` tells endpoints apart. */
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    /** The secrets signatures are checked against (an endpoint's, and after a rotation both). */
    verifyWith(...s: string[]) {
      secrets = s;
    },
    /** The next requests to `path` get these answers, one each, in order. */
    answerNext(path: string, ...answers: Answer[]) {
      queues.set(path, [...(queues.get(path) ?? []), ...answers]);
    },
    /** Every request to `path` after its queued answers gets this one (200 unless told). */
    answerAlways(path: string, answer: Answer) {
      standing.set(path, answer);
    },
    /** What arrived at `path`. */
    at: (path: string) => received.filter((r) => r.path === path),
    /** Waits until `count` requests arrived at `path` (throws on timeout). */
    async waitFor(path: string, count: number, timeoutMs = 60_000) {
      return waitFor(async () => received.filter((r) => r.path === path), (rs) => rs.length >= count, { timeoutMs, what: `${count} webhook requests at ${path}` });
    },
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
