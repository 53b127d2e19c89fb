import { readFile } from 'node:fs/promises';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from '../config';

export interface TemporalConnections {
  client: Client;
  connection: Connection;
  /** For workers; created lazily so the API process never opens one. */
  nativeConnection(): Promise<NativeConnection>;
  close(): Promise<void>;
}

type TemporalTarget = Pick<Config, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT_PATH' | 'TEMPORAL_TLS_KEY_PATH' | 'TEMPORAL_API_KEY'> & {
  address: string;
};

async function tlsOptions(t: TemporalTarget) {
  if (t.TEMPORAL_TLS_CERT_PATH && t.TEMPORAL_TLS_KEY_PATH) {
    return { clientCertPair: { crt: await readFile(t.TEMPORAL_TLS_CERT_PATH), key: await readFile(t.TEMPORAL_TLS_KEY_PATH) } };
  }
  // Temporal Cloud with an API key always speaks TLS.
  return t.TEMPORAL_TLS || t.TEMPORAL_API_KEY ? true : undefined;
}

/**
 * The SDK's own gRPC retries, made safe to close. Connection.close() leaves a retry that is
 * already scheduled (a setTimeout of up to one backoff, at most about 6 s) in place; when it fires
 * on the closed channel, grpc-js throws inside the timer: an uncaught exception in a process that
 * was only shutting down (seen in the test suite, where processes outlive their connections).
 * Once closing starts no new retry is decided, and `drain` waits out the ones already scheduled.
 */
function closableRetries() {
  const defaults = defaultGrpcRetryOptions();
  let closing = false;
  let lastRetryAt = 0;
  return {
    interceptor: makeGrpcRetryInterceptor({
      retryableDecider: (attempt, status) => !closing && defaults.retryableDecider(attempt, status),
      delayFunction: (attempt, status) => {
        const ms = defaults.delayFunction(attempt, status);
        lastRetryAt = Math.max(lastRetryAt, Date.now() + ms);
        return ms;
      },
    }),
    async drain() {
      closing = true;
      const wait = lastRetryAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
    },
  };
}

export async function connectTemporal(t: TemporalTarget): Promise<TemporalConnections> {
  const tls = await tlsOptions(t);
  const common = { address: t.address, tls, apiKey: t.TEMPORAL_API_KEY };
  const retries = closableRetries();
  const connection = await Connection.connect({ ...common, interceptors: [retries.interceptor] });
  const client = new Client({ connection, namespace: t.TEMPORAL_NAMESPACE });
  let native: Promise<NativeConnection> | undefined;
  return {
    client,
    connection,
    nativeConnection: () => (native ??= NativeConnection.connect(common)),
    async close() {
      await retries.drain();
      await connection.close();
      if (native) await (await native).close();
    },
  };
}
