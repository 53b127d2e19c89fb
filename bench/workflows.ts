// The production workflows plus the benchmark's baselines (never in the production bundle).
import { allHandlersFinished, condition, continueAsNew, defineUpdate, setHandler } from '@temporalio/workflow';

export * from '../workflows';

/** B1: a workflow that does nothing (one workflow task). */
export async function benchNoopWorkflow(): Promise<void> {}

export const benchPingUpdate = defineUpdate<void, []>('ping');

/**
 * B5b: a workflow taking no-op updates, handing over to a new run after 1 000 of them, as the
 * sale workflow does with launches (the server refuses more than 2 000 updates per run).
 */
export async function benchUpdateSinkWorkflow(): Promise<void> {
  let taken = 0;
  setHandler(
    benchPingUpdate,
    () => {
      taken++;
    },
    {
      validator: () => {
        if (taken >= 1_000) throw new Error('busy: handing over');
      },
    },
  );
  await condition(() => taken >= 1_000);
  await condition(allHandlersFinished);
  await continueAsNew<typeof benchUpdateSinkWorkflow>();
}
