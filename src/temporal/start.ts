import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import type { WorkflowStartOptions } from '@temporalio/client';
import type * as registered from '../../workflows';
import { KIND, ORGANIZATION_ID, STATUS } from '../../workflows/platform/search-attribute-definitions';

/** Every workflow type the worker registers, by name (type-only: no workflow code is loaded here). */
export type Workflows = typeof registered;
export type WorkflowName = keyof Workflows;

export interface StartOptions<N extends WorkflowName> {
  workflowId: string;
  taskQueue: string;
  args: Parameters<Workflows[N]>;
  kind: string;
  organizationId?: string | null;
  status: string;
  /** More tags for ops, e.g. the group a campaign belongs to. */
  searchAttributes?: SearchAttributePair[];
  /** Answer the running execution's handle instead of refusing a duplicate start. */
  reuse?: boolean;
}

/**
 * Starts a lifecycle workflow by its registered name, with its own argument types, tagged for ops
 * (kind, organization, status). The business-key id makes Temporal refuse a second start;
 * `reuse` turns that refusal into the running handle.
 */
export async function startLifecycle<N extends WorkflowName>(client: Client, workflowType: N, o: StartOptions<N>): Promise<WorkflowHandle<Workflows[N]>> {
  try {
    // The SDK's conditional option type cannot be resolved for a generic N; the signature above is
    // what checks callers, so the call itself goes through the untyped overload.
    const start = client.workflow.start.bind(client.workflow) as (type: string, options: WorkflowStartOptions) => Promise<WorkflowHandle<Workflows[N]>>;
    return await start(workflowType, {
      args: o.args,
      workflowId: o.workflowId,
      taskQueue: o.taskQueue,
      // A business key names one lifecycle forever: a closed sale is never started again.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: KIND, value: o.kind },
        { key: STATUS, value: o.status },
        ...(o.organizationId ? [{ key: ORGANIZATION_ID, value: o.organizationId }] : []),
        ...(o.searchAttributes ?? []),
      ],
    });
  } catch (err) {
    if (o.reuse && err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle<Workflows[N]>(o.workflowId);
    throw err;
  }
}
