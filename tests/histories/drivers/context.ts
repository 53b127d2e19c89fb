import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTemporalCli } from '../../../src/tools/resolve';
import { searchAttributeKeys } from '../../../workflows/platform/search-attribute-definitions';
import type { StackOptions, TestStack } from '../../support/stack';
import type { Branch, WorkflowType } from '../branches';

/** Where a branch's history is: the execution (a run of it when `runId` is given) on the stack it ran on. */
export interface Recorded {
  stack: TestStack;
  workflowId: string;
  runId?: string;
}

export interface RecordContext {
  /** A whole stack for this branch — time skipping unless told — closed once it is recorded. */
  stack(opts?: StackOptions): Promise<TestStack>;
  /** A Temporal dev server of this branch's own that suggests continue-as-new after `events` events. */
  devServerSuggestingContinueAsNew(events: number): Promise<string>;
}

/** Drives one branch through the real system and says which execution shows it. */
export type Driver = (ctx: RecordContext) => Promise<Recorded>;

/** A driver for every branch of a workflow in tests/histories/branches.ts. */
export type Drivers<W extends WorkflowType> = { [B in Branch<W>]: Driver };

/**
 * A dev server started with `limit.historyCount.suggestContinueAsNew` lowered, so the server's
 * continue-as-new suggestion (which workflows follow) comes after a few batches instead of 4 096
 * events. Only the server's threshold changes; the workflow code runs as it does in production.
 */
export async function startSuggestingDevServer(events: number): Promise<{ address: string; stop(): Promise<void> }> {
  const cli = await resolveTemporalCli(() => {});
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli.path ? { type: 'existing-path', path: cli.path } : { type: 'cached-download' },
      searchAttributes: searchAttributeKeys,
      log: { format: 'pretty', level: 'warn' },
      extraArgs: ['--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${events}`],
    },
  });
  return { address: env.address, stop: () => env.teardown() };
}
