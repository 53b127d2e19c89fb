import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { SearchAttributePair, Workflow } from '@temporalio/common';
import { KIND, ORGANIZATION_ID, STATUS } from '../../workflows/search-attributes';

export interface StartOptions<W extends Workflow> {
  workflowId: string;
  taskQueue: string;
  args: Parameters<W>;
  kind: string;
  organizationId?: string | null;
  status: string;
  /** More tags for ops, e.g. the group a campaign belongs to. */
  searchAttributes?: SearchAttributePair[];
}

/**
 * Starts a lifecycle workflow tagged for ops (kind, organization, status). The business-key id
 * makes Temporal refuse a second start; `reuse` turns that refusal into the running handle.
 */
export async function startLifecycle<W extends Workflow>(
  client: Client,
  workflow: W | string,
  o: StartOptions<W> & { reuse?: boolean },
): Promise<WorkflowHandle<W>> {
  try {
    return await client.workflow.start(workflow as W, {
      // The args type is checked by StartOptions; the SDK's conditional type cannot see through the generic.
      ...({ args: o.args } as object),
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
    } as Parameters<Client['workflow']['start']>[1]);
  } catch (err) {
    if (o.reuse && err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(o.workflowId);
    throw err;
  }
}
