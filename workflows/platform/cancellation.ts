import { CancellationScope, CancelledFailure, log, patched } from '@temporalio/workflow';

/**
 * Every lifecycle workflow answers a cancellation requested from the Temporal UI or CLI
 * (`temporal workflow cancel`) one of two ways, never by dying half way through:
 *   - it runs the clean-up the API's own deactivation or cancellation runs (campaign, aggregator,
 *     an active sale, a purchase awaiting payment), then ends Canceled;
 *   - or it refuses: it logs which API call to use instead and goes on (docs/temporal-ops.md).
 */
export const TEMPORAL_CANCEL = 'temporal-cancel';
/** How the audit entry of a clean-up asked for in the Temporal UI or CLI says so (`after.cause`). */
export const TEMPORAL_CANCEL_CAUSE = 'temporal_cancel';

/** Where a workflow's body and its handlers run, out of reach of a Temporal cancellation. */
export interface Shield {
  /** Runs the workflow's body, or a signal or update handler (they run outside the body's scope), shielded. */
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Shields a workflow from a Temporal cancellation: what runs through the shield runs under a
 * non-cancellable scope (as CancellationScope.nonCancellable does), so no activity or wait is cut
 * short, and `onCancel` is called once when the request arrives; the body reacts to what it sets
 * (a clean-up to run, or nothing). Executions that received a cancellation before this existed
 * (no TEMPORAL_CANCEL marker in their history) are cancelled where they waited, as then.
 */
export function shieldFromTemporalCancel(onCancel: () => void): Shield {
  const shield = new CancellationScope({ cancellable: false });
  const scope = new CancellationScope({ cancellable: true, parent: shield });
  void CancellationScope.current().cancelRequested.catch(() => {
    if (patched(TEMPORAL_CANCEL)) onCancel();
    else scope.cancel();
  });
  return { run: (fn) => scope.run(fn) };
}

/** For a workflow that refuses a Temporal cancellation: says so in the worker's log, with what to do instead. */
export function refuseTemporalCancel(workflowId: string, instead: string): void {
  log.warn('Temporal cancellation refused: the workflow goes on', { workflowId, instead });
}

/** Thrown at the end of a workflow that ran its clean-up on a Temporal cancellation: it ends Canceled. */
export const cancelledAfterCleanUp = (what: string) => new CancelledFailure(`Cancelled from Temporal: ${what}`);
