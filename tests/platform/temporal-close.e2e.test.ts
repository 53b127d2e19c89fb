// Closing a Temporal connection while one of its calls waits to be retried: the retry must not
// fire on the closed channel (grpc-js would throw inside the timer, an uncaught exception).
import { createServer, Socket, type Server } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { connectTemporal } from '../../src/temporal/connection';

/** A TCP relay to the Temporal server that can cut every connection and refuse new ones. */
async function relay(target: string) {
  const [host, port] = target.split(':') as [string, string];
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = new Socket().connect(Number(port), host);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    address: `127.0.0.1:${address.port}`,
    cut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

describe('a Temporal connection closed while a call waits for its retry', () => {
  it('closes without an uncaught exception, and the call fails instead of hanging', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    const r = await relay(inject('temporalAddress'));
    const conns = await connectTemporal({ address: r.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TLS: false, TEMPORAL_TLS_CERT_PATH: undefined, TEMPORAL_TLS_KEY_PATH: undefined, TEMPORAL_API_KEY: undefined });
    expect((await conns.connection.workflowService.getSystemInfo({})).serverVersion).toBeTruthy();
    await r.cut();
    process.prependListener('uncaughtException', onUncaught);
    try {
      // UNAVAILABLE: the SDK schedules a retry (after 100 ms and more) ...
      const call = conns.connection.workflowService.getSystemInfo({}).then(
        () => 'answered',
        (err: { code?: number }) => `failed ${err.code}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      // ... and the connection is closed before it fires.
      await conns.close();
      expect(await call).toMatch(/^failed/);
      // Past the longest backoff the SDK could have scheduled.
      await new Promise((resolve) => setTimeout(resolve, 7_000));
    } finally {
      process.removeListener('uncaughtException', onUncaught);
    }
    expect(uncaught.map(String)).toEqual([]);
  }, 60_000);
});
