import { DefaultLogger, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import type { Logger } from '../logger';

let installed = false;
let log: Logger | undefined;

/** Routes the Temporal SDK's and core's logs into the process's structured logger (once per process). */
export function installTemporalRuntime(logger: Logger): void {
  routeTemporalLogs(logger);
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
      if (!log) return;
      const fn = level === 'ERROR' ? log.error : level === 'WARN' ? log.warn : level === 'DEBUG' || level === 'TRACE' ? log.debug : log.info;
      fn.call(log, meta ?? {}, message);
    }),
    // The entry points own shutdown order (API, then worker, then servers).
    shutdownSignals: [],
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
}

/** Sends the Temporal runtime's logs to `logger` from now on (the runtime itself is installed once per process). */
export function routeTemporalLogs(logger: Logger): void {
  log = logger.child({ component: 'temporal' });
}
