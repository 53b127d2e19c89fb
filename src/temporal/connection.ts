import { readFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
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

export async function connectTemporal(t: TemporalTarget): Promise<TemporalConnections> {
  const tls = await tlsOptions(t);
  const common = { address: t.address, tls, apiKey: t.TEMPORAL_API_KEY };
  const connection = await Connection.connect(common);
  const client = new Client({ connection, namespace: t.TEMPORAL_NAMESPACE });
  let native: Promise<NativeConnection> | undefined;
  return {
    client,
    connection,
    nativeConnection: () => (native ??= NativeConnection.connect(common)),
    async close() {
      await connection.close();
      if (native) await (await native).close();
    },
  };
}
