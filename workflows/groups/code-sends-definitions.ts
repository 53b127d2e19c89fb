import { defineQuery } from '@temporalio/workflow';

// Shared by the code-sends job workflow and the API.
export interface CodeSendsInput {
  jobId: string;
  campaignId: string;
  /** Resume point after continue-as-new: the last recipient line handled. */
  afterLine?: number;
}

export const codeSendsProgressQuery = defineQuery<{ afterLine: number }>('codeSendsProgress');

/** Sends jobs share the platform's job ids and GET /v1/jobs/{id}. */
export const codeSendsWorkflowId = (jobId: string) => `job-${jobId}`;

export const CODE_SENDS_BATCH = 50;
