import { defineQuery } from '@temporalio/workflow';

// Shared by the import job workflow and the API.
export interface GroupImportInput {
  jobId: string;
  groupId: string;
  /** Resume point after continue-as-new: the last row line handled. */
  afterLine?: number;
}

export const importProgressQuery = defineQuery<{ afterLine: number }>('importProgress');

/** Import jobs share the platform's job ids and GET /v1/jobs/{id}. */
export const importJobWorkflowId = (jobId: string) => `job-${jobId}`;

export const IMPORT_BATCH = 50;
