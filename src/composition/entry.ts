import { ConfigError, loadConfig, requireExternalServices, type Config } from '../config';
import { createLogger, logFormat, type Logger } from '../logger';
import { describeFailure, StartupError } from '../startup-error';
import { Stack } from './stack';

/** What a failed start prints: what failed and what to do, never a bare `undefined`. */
export function startFailureMessage(entry: string, err: unknown): string {
  if (err instanceof ConfigError || err instanceof StartupError) return `${entry} could not start.\n${err.message}`;
  const stack = err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return `${entry} could not start: ${describeFailure(err)}\n  What to do: read this error and the log lines above, fix the cause, then start again.${stack}`;
}

/**
 * Runs one entry point (`npm start`, `npm run api`, `npm run worker`): validated config, a logger,
 * a stack that stops on SIGINT/SIGTERM, and a clean exit 1 with the reason when start-up fails.
 */
export function runEntry(
  entry: string,
  opts: { external: boolean },
  body: (stack: Stack, config: Config, logger: Logger) => Promise<void>,
): void {
  const start = async () => {
    const config = loadConfig();
    if (opts.external) requireExternalServices(config, entry);
    const logger = createLogger(config.LOG_LEVEL, { format: logFormat(config, process.stdout.isTTY === true) });
    const stack = new Stack(config, logger);
    stack.stopOnSignals();
    try {
      await body(stack, config, logger);
    } catch (err) {
      await stack.stop();
      throw err;
    }
  };
  start().catch((err: unknown) => {
    console.error(startFailureMessage(entry, err));
    process.exit(1);
  });
}
