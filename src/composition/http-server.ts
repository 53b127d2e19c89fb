import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { problemBody } from '../../api/problem';
import type { Config } from '../config';
import { AppError } from '../errors';
import { StartupError } from '../startup-error';

/** The HTTP server's limits, from the configuration (docs/security.md, "Limits, timeouts and crash recovery"). */
export type HttpLimits = Pick<Config, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS' | 'HTTP_MAX_CONNECTIONS'>;

/** How often Node looks for connections past their headers or request timeout (Node's own default is 30 s). */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** On shutdown, how long requests under way may take before their connections are closed. */
export const CLOSE_GRACE_MS = 10_000;
/** What a connection refused at the cap is told to wait before trying again. */
export const REFUSAL_RETRY_AFTER_SECONDS = 5;

export interface HttpServer {
  server: Server;
  port: number;
  /** Connections open right now (not counting refused ones being closed). */
  connections(): number;
  close(): Promise<void>;
}

/** The whole answer a connection over the cap gets, written raw before the socket is closed. */
function refusal(cap: number): string {
  const { instance: _instance, ...problem } = problemBody(
    new AppError('UNAVAILABLE', `The server is at its limit of ${cap} open connections; try again in a few seconds`),
    '',
  );
  const body = JSON.stringify(problem);
  return (
    'HTTP/1.1 503 Service Unavailable\r\n' +
    'Content-Type: application/problem+json\r\n' +
    `Retry-After: ${REFUSAL_RETRY_AFTER_SECONDS}\r\n` +
    'Connection: close\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
    body
  );
}

/**
 * Answers 503 and closes: once the client has sent its request (or after half a second if it
 * sends nothing), so an ordinary client reads the answer as the answer to its request. Whatever
 * it sends is read and dropped, so closing does not reset the connection under the answer; after
 * two seconds the socket is closed whatever the client does.
 */
function refuse(socket: Socket, answer: string) {
  let answered = false;
  const reply = () => {
    if (answered) return;
    answered = true;
    socket.end(answer);
  };
  const waitForRequest = setTimeout(reply, 500);
  const hardStop = setTimeout(() => socket.destroy(), 2_000);
  socket.on('error', () => {});
  socket.on('data', reply);
  socket.on('end', reply);
  socket.once('close', () => {
    clearTimeout(waitForRequest);
    clearTimeout(hardStop);
  });
}

/**
 * The one HTTP server the API runs on (npm start, npm run api, the tests and the benchmarks):
 * Node's HTTP server under @hono/node-server with the limits set deliberately.
 *
 * - headersTimeout: a connection must send its complete request headers this soon after it opens
 *   (or after its previous answer). A connection that sends nothing, or half a request line, is
 *   answered 408 and closed: idle sockets cannot pile up.
 * - requestTimeout: the whole request, body included, must have arrived this soon (408 otherwise),
 *   so a body trickled byte by byte cannot hold a connection.
 * - keepAliveTimeout: an idle keep-alive connection between two requests is closed after this.
 * - the connection cap: past HTTP_MAX_CONNECTIONS open connections, a new one is answered 503
 *   problem+json with Retry-After and closed at once; past twice the cap (refusals still being
 *   written) the kernel-level limit drops new ones without an answer.
 */
export function listenHttp(
  fetch: (request: Request) => Response | Promise<Response>,
  opts: { port: number; hostname?: string; limits: HttpLimits },
): Promise<HttpServer> {
  const { limits } = opts;
  const server = createAdaptorServer({
    fetch,
    createServer,
    serverOptions: {
      headersTimeout: limits.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: limits.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeout: limits.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
  }) as Server;
  server.maxConnections = limits.HTTP_MAX_CONNECTIONS * 2;

  // The cap sits in front of Node's own connection handling: a refused socket never reaches it.
  let open = 0;
  const answer = refusal(limits.HTTP_MAX_CONNECTIONS);
  const handlers = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    if (open >= limits.HTTP_MAX_CONNECTIONS) return refuse(socket, answer);
    open++;
    socket.once('close', () => open--);
    for (const handler of handlers) handler.call(server, socket);
  });

  return new Promise((ok, fail) => {
    const onError = (err: NodeJS.ErrnoException) => {
      fail(
        err.code === 'EADDRINUSE' || err.code === 'EACCES'
          ? new StartupError(`The API could not listen on port ${opts.port}`, err.code === 'EADDRINUSE' ? 'another program is already listening on it' : 'permission denied', 'stop that program, or set PORT to a free port')
          : err,
      );
    };
    server.once('error', onError);
    server.listen(opts.port, opts.hostname, () => {
      server.off('error', onError);
      ok({
        server,
        port: (server.address() as AddressInfo).port,
        connections: () => open,
        close: () =>
          new Promise<void>((done) => {
            // New connections are refused at once and idle ones closed; requests under way get
            // CLOSE_GRACE_MS to finish. Node stops its timeout checks on close, so whatever is
            // still open then (a client that never sent its request) is closed by force.
            const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
