import { inject } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '../../src/temporal/register-search-attributes';

/** The Java time-skipping test server (from Maven Central), one per test file, with our search attributes. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
  try {
    await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  } catch (err) {
    await env.teardown();
    throw err;
  }
  return env;
}
