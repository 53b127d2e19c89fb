import type { Group } from '../repos/groups/groups';
import type { Services } from '../platform/services';
import { startLifecycle, type Workflows } from '../temporal/start';
import { GROUP_ID } from '../../workflows/platform/search-attribute-definitions';

type GroupWorkflow = 'campaignWorkflow' | 'groupImportWorkflow' | 'groupSubscriptionWorkflow' | 'campaignCodeSendsWorkflow';

/**
 * Starts one of a group's workflows, tagged with the group and its organization so ops find every
 * workflow of a group in the Temporal UI. Call it inside the transaction that writes the rows the
 * workflow works on: a failed start rolls them back.
 */
export async function startGroupWorkflow<N extends GroupWorkflow>(
  s: Pick<Services, 'temporal' | 'taskQueue'>,
  group: Pick<Group, 'id' | 'organizationId'>,
  workflowType: N,
  o: { workflowId: string; args: Parameters<Workflows[N]>; kind: string; status: string },
): Promise<void> {
  await startLifecycle(s.temporal, workflowType, {
    ...o,
    taskQueue: s.taskQueue,
    organizationId: group.organizationId,
    searchAttributes: [{ key: GROUP_ID, value: group.id }],
  });
}
