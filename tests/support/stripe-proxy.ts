import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { inject } from 'vitest';

export interface StripeCall {
  method: string;
  /** Path and query, e.g. `/v1/payment_intents`. */
  path: string;
  idempotencyKey: string | undefined;
}

/**
 * A real HTTP proxy in front of stripe-mock (which keeps no request log of its own): point a
 * stack's Stripe client at `url` (`startTestStack({ stripeUrl })`) and every request it makes is
 * forwarded to stripe-mock unchanged and logged in `calls`. `down()` closes the port — nothing
 * listens behind it, so the client gets "connection refused" like with Stripe unreachable — and
 * `up()` opens the same port again.
 */
export async function startStripeProxy(target = inject('stripeMockUrl')) {
  const upstream = new URL(target);
  const calls: StripeCall[] = [];
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    calls.push({ method: req.method ?? 'GET', path: req.url ?? '/', idempotencyKey: req.headers['idempotency-key'] as string | undefined });
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', (err) => res.destroy(err));
    req.pipe(out);
  };

  const server = createServer(forward);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listen = (port: number) => new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  let isUp = true;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get isUp() {
      return isUp;
    },
    /** Stripe unreachable: the port closes and open connections are cut. */
    async down() {
      if (!isUp) return;
      isUp = false;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    /** Stripe back, on the same address. */
    async up() {
      if (isUp) return;
      await listen(port);
      isUp = true;
    },
    async close() {
      await this.down();
    },
  };
}

export type StripeProxy = Awaited<ReturnType<typeof startStripeProxy>>;
