import { defineQuery } from '@temporalio/workflow';

export interface BulkInviteInput {
  jobId: string;
  /** Resume point after continue-as-new: the last CSV line whose invitation was started. */
  afterLine?: number;
}

export const bulkInviteProgressQuery = defineQuery<{ afterLine: number }>('bulkInviteProgress');

/** A bulk invite runs as its job: `job-<job id>`. */
export const jobWorkflowId = (jobId: string) => `job-${jobId}`;
