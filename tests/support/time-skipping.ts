import { inject } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/** The Java time-skipping test server (from Maven Central), one per test file. */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
}
