import type * as registered from '../../workflows';

/**
 * Every branch of every registered workflow that has a recorded history in this folder, as
 * `tests/histories/<workflow>-<branch>.json` (the workflow type without its `Workflow` suffix).
 * tests/platform/replay.e2e.test.ts replays each one on the current workflow code, and fails when
 * a workflow of workflows/index.ts has no entry here or a branch has no file.
 *
 * A new branch: one line here, its driver in drivers/<lifecycle>.ts (typed against this table,
 * so `tsc` names a branch without one), then `npx tsx scripts/record-histories.ts <workflow>:<branch>`
 * (docs/temporal-ops.md). Files are never re-recorded unless named: a recording made before a
 * workflow change is what proves its patched() path.
 */
export const BRANCHES = {
  saleWorkflow: [
    'approve-activate-launch',
    'activation-date-moved',
    'renewal',
    'cancellation',
    'early-cancellation',
    'rejection',
    'continue-as-new',
    'renewal-and-cancellation-after-continue-as-new',
    'abandoned',
    'reset-follows-database',
    'temporal-cancel',
    'temporal-cancel-refused',
  ],
  responseWorkflow: ['extend-complete', 'expiry', 'temporal-cancel-refused', 'invitation-reminders', 'invitation-not-notified', 'opened-mailed', 'opened-not-mailed'],
  purchaseWorkflow: ['paid', 'expired', 'awaits-commit', 'paid-while-expiring', 'abandoned', 'paid-receipt', 'temporal-cancel'],
  bulkInviteWorkflow: ['invite', 'abandoned', 'temporal-cancel-refused'],
  lowBalanceAlertWorkflow: ['sent', 'temporal-cancel-refused'],
  campaignWorkflow: ['closed', 'deactivated', 'abandoned', 'temporal-cancel'],
  groupSubscriptionWorkflow: ['active', 'compensation', 'abandoned', 'temporal-cancel-refused'],
  groupImportWorkflow: ['import', 'abandoned', 'temporal-cancel-refused'],
  campaignCodeSendsWorkflow: ['send', 'abandoned', 'temporal-cancel-refused'],
  aggregatorWorkflow: ['assign', 'deactivate', 'continue-as-new', 'continued', 'abandoned', 'temporal-cancel', 'reset-follows-database'],
  pruneIdempotencyWorkflow: ['prune'],
  reconcileWorkflow: ['clean', 'needs-attention'],
  webhookDeliveryWorkflow: ['delivered', 'retried', 'gone', 'cancelled', 'given-up', 'temporal-cancel-refused'],
} as const satisfies { [W in keyof typeof registered]: readonly string[] };

export type WorkflowType = keyof typeof BRANCHES;
export type Branch<W extends WorkflowType> = (typeof BRANCHES)[W][number];

/** The history file of a branch: `<workflow type without "Workflow">-<branch>.json`. */
export const historyFile = (workflow: string, branch: string) => `${workflow.replace(/Workflow$/, '')}-${branch}.json`;

/** Every known branch, as `workflow:branch` with its file. */
export const allBranches = () =>
  (Object.entries(BRANCHES) as [WorkflowType, readonly string[]][]).flatMap(([workflow, branches]) =>
    branches.map((branch) => ({ workflow, branch, name: `${workflow}:${branch}`, file: historyFile(workflow, branch) })),
  );
