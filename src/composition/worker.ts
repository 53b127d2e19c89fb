import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import type { Logger } from '../logger';
import { createActivities, type ActivityDeps } from '../../activities';

export const workflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

/**
 * The bundler's own report (webpack's module list, a dozen lines) is detail: debug level. The
 * same bundleWorkflowCode the tests build their bundle with.
 */
function bundlerLogger(logger: Logger) {
  const log = logger.child({ component: 'temporal' });
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    level === 'ERROR' ? log.error(meta ?? {}, message) : level === 'WARN' ? log.warn(meta ?? {}, message) : log.debug(meta ?? {}, message);
  return {
    log: (level: string, message: string, meta?: Record<string, unknown>) => at(level)(message, meta),
    trace: at('TRACE'),
    debug: at('DEBUG'),
    info: at('INFO'),
    warn: at('WARN'),
    error: at('ERROR'),
  };
}

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkflowBundleOption;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    workflowBundle: opts.workflowBundle ?? (await bundleWorkflowCode({ workflowsPath, logger: bundlerLogger(opts.deps.logger) })),
    maxConcurrentActivityTaskExecutions: 50,
  });
}
