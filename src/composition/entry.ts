import { ConfigError, loadConfig, requireExternalServices, type Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { Stack } from './stack';

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
    const logger = createLogger(config.LOG_LEVEL);
    const stack = new Stack(config, logger);
    stack.stopOnSignals();
    try {
      await body(stack, config, logger);
    } catch (err) {
      await stack.stop();
      throw err;
    }
  };
  start().catch((err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
