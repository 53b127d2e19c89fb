import { TestWorkflowEnvironment } from '@temporalio/testing';
import { searchAttributeKeys } from '../../workflows/platform/search-attribute-definitions';
import type { ResolvedTool } from '../tools/resolve';

export interface DevServer {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

/**
 * A Temporal dev server (Temporal CLI `server start-dev`) with the project's search attributes.
 * `executable.path` undefined → the SDK downloads the CLI (needs internet).
 */
export async function startDevServer(opts: {
  executable: ResolvedTool;
  dbFilename?: string;
  port?: number;
  uiPort?: number;
  namespace?: string;
}): Promise<DevServer> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: opts.executable.path ? { type: 'existing-path', path: opts.executable.path } : { type: 'cached-download' },
      dbFilename: opts.dbFilename,
      port: opts.port,
      ui: opts.uiPort !== undefined,
      uiPort: opts.uiPort,
      namespace: opts.namespace,
      searchAttributes: searchAttributeKeys,
      log: { format: 'pretty', level: 'warn' },
      // WAL keeps the SQLite file consistent across crashes and lets readers run beside the writer.
      extraArgs: opts.dbFilename ? ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL'] : [],
    },
  });
  return {
    address: env.address,
    uiUrl: opts.uiPort !== undefined ? `http://localhost:${opts.uiPort}` : undefined,
    stop: () => env.teardown(),
  };
}
