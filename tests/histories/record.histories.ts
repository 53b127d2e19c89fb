// Records the histories of tests/histories/branches.ts: each branch is driven through the real
// system (API, worker, PostgreSQL, stripe-mock; the time-skipping test server for the timers) and
// its execution's history written to tests/histories/<workflow>-<branch>.json. Run it with
// `npx tsx scripts/record-histories.ts` (docs/temporal-ops.md), not directly.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startTestStack, type StackOptions, type TestStack } from '../support/stack';
import { allBranches, type WorkflowType } from './branches';
import { aggregators } from './drivers/aggregators';
import { bulkInvites, lowBalanceAlerts, purchases, responses } from './drivers/allotments';
import { startSuggestingDevServer, type Driver, type Drivers, type RecordContext } from './drivers/context';
import { campaignCodeSends, campaigns, groupImports, groupSubscriptions } from './drivers/groups';
import { prunes, reconciliations } from './drivers/platform';
import { sales } from './drivers/sales';
import { webhookDeliveries } from './drivers/webhooks';

const drivers: { [W in WorkflowType]: Drivers<W> } = {
  saleWorkflow: sales,
  responseWorkflow: responses,
  purchaseWorkflow: purchases,
  bulkInviteWorkflow: bulkInvites,
  lowBalanceAlertWorkflow: lowBalanceAlerts,
  campaignWorkflow: campaigns,
  groupSubscriptionWorkflow: groupSubscriptions,
  groupImportWorkflow: groupImports,
  campaignCodeSendsWorkflow: campaignCodeSends,
  aggregatorWorkflow: aggregators,
  pruneIdempotencyWorkflow: prunes,
  webhookDeliveryWorkflow: webhookDeliveries,
  reconcileWorkflow: reconciliations,
};

const dir = fileURLToPath(new URL('./', import.meta.url));
// RECORD: comma-separated `workflow:branch` names to record (again); empty: every branch without a file.
const named = (process.env.RECORD ?? '').split(',').filter(Boolean);
const known = allBranches();
const unknown = named.filter((n) => !known.some((b) => b.name === n));
if (unknown.length) throw new Error(`unknown branches: ${unknown.join(', ')} (see tests/histories/branches.ts)`);
const todo = known.filter((b) => (named.length ? named.includes(b.name) : !existsSync(dir + b.file)));

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

const context: RecordContext = {
  async stack(opts: StackOptions = {}) {
    const s: TestStack = await startTestStack({ timeSkipping: true, ...opts });
    cleanup.push(() => s.close());
    return s;
  },
  async devServerSuggestingContinueAsNew(events: number) {
    const server = await startSuggestingDevServer(events);
    cleanup.push(() => server.stop());
    return server.address;
  },
};

describe('recording workflow histories', () => {
  for (const b of todo) {
    it(b.name, { timeout: 600_000 }, async () => {
      const drive = (drivers[b.workflow] as Record<string, Driver>)[b.branch]!;
      const { stack, workflowId, runId } = await drive(context);
      const handle = stack.client.workflow.getHandle(workflowId, runId);
      const { type } = await handle.describe();
      expect(type).toBe(b.workflow);
      const history = await handle.fetchHistory();
      // What is written must replay on the code it was recorded with.
      await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, workflowId);
      await writeFile(dir + b.file, JSON.stringify({ workflowType: type, workflowId, history: JSON.parse(historyToJSON(history)) }, null, 1) + '\n');
      console.log(`wrote tests/histories/${b.file} (${history.events?.length} events)`);
    });
  }
});
