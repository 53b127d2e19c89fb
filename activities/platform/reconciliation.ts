import { heartbeat } from '@temporalio/activity';
import type { ActivityDeps } from '../deps';
import { reconcile, type ReconciliationReport } from '../../src/platform/reconciliation';

export function createReconciliationActivities(deps: ActivityDeps) {
  return {
    /** One reconciliation pass (src/platform/reconciliation.ts), heartbeating as it goes. */
    async reconcileLifecycles(nowIso: string): Promise<ReconciliationReport> {
      return reconcile(deps, new Date(nowIso), () => heartbeat());
    },
  };
}

export type ReconciliationActivities = ReturnType<typeof createReconciliationActivities>;
