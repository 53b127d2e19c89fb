import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import type { Logger } from '../logger';
import { createActivities, type ActivityDeps } from '../../activities';
import { drainLowBalanceHandoffs, LOW_BALANCE_DRAIN_BATCH } from '../allotments/alerts';
import { drainInvitationHandoffs, HANDOFF_DRAIN_BATCH } from '../allotments/invitations';
import { dispatchOutbox, OUTBOX_BATCH } from '../platform/webhooks';
import { OUTBOX_CHANNEL } from '../repos/webhooks';

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

/**
 * Workflows kept in the worker's memory between their tasks. Most of ours sleep for days (an
 * invitation for 14, a sale for a year) and wake once or twice; a workflow that is not cached
 * is replayed from its history when it wakes, which for these short histories costs a few
 * milliseconds. The SDK's default grows with the machine's heap (about 2 300 on a 4 GB heap),
 * so memory would depend on the host; a fixed 1 000 keeps the busy ones (a bulk invite's
 * fresh invitations, a sale taking launches, a campaign creating codes) warm at a bounded cost.
 * `npm run bench` measures the worker's resident memory with 10 000 sleeping invitations
 * (docs/performance.md).
 */
export const MAX_CACHED_WORKFLOWS = 1_000;

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkflowBundleOption;
  /** How long a stopping worker lets running activities finish before cancelling them. */
  shutdownGraceMs?: number;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    workflowBundle: opts.workflowBundle ?? (await bundleWorkflowCode({ workflowsPath, logger: bundlerLogger(opts.deps.logger) })),
    maxConcurrentActivityTaskExecutions: 50,
    maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
    ...(opts.shutdownGraceMs !== undefined && { shutdownGraceTime: opts.shutdownGraceMs }),
  });
}

/** How often a worker looks for hand-offs to drain (the webhook outbox also wakes it when an event commits). */
export const HANDOFF_DRAIN_EVERY_MS = 5_000;

/**
 * Runs beside every worker: starts the invitation workflows whose creating request died between
 * its commit and its starts (`drainInvitationHandoffs`), the mail workflow of every committed
 * low-balance alert (`drainLowBalanceHandoffs`), and a delivery workflow for each webhook
 * delivery an event's transaction wrote (`dispatchOutbox`; woken by the commit's notification).
 * Returns the function that stops it.
 */
export function startHandoffDrain(deps: Pick<ActivityDeps, 'sql' | 'temporal' | 'taskQueue' | 'logger'>): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  // A notification that arrives while a round runs is not lost: the next wait ends at once.
  let woken = false;
  const onNotify = () => {
    woken = true;
    wake?.();
  };
  const listening = deps.sql.listen(OUTBOX_CHANNEL, onNotify).catch((err: unknown) => {
    deps.logger.warn({ err }, 'could not listen for webhook deliveries; polling every few seconds');
    return undefined;
  });
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      try {
        // A full batch means more are waiting: go again at once.
        while (!stopped && (await drainInvitationHandoffs(deps)) === HANDOFF_DRAIN_BATCH);
      } catch (err) {
        deps.logger.warn({ err }, 'invitation hand-off drain failed; retrying');
      }
      try {
        while (!stopped && (await drainLowBalanceHandoffs(deps)) === LOW_BALANCE_DRAIN_BATCH);
      } catch (err) {
        deps.logger.warn({ err }, 'low-balance alert drain failed; retrying');
      }
      try {
        while (!stopped && (await dispatchOutbox(deps)) === OUTBOX_BATCH);
      } catch (err) {
        deps.logger.warn({ err }, 'webhook outbox dispatch failed; retrying');
      }
      if (stopped || woken) continue;
      await new Promise<void>((ok) => {
        wake = ok;
        setTimeout(ok, HANDOFF_DRAIN_EVERY_MS).unref();
      });
    }
  })();
  return async () => {
    stopped = true;
    wake?.();
    await loop;
    await (await listening)?.unlisten();
  };
}
