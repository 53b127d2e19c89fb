import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';

const dir = fileURLToPath(new URL('../histories/', import.meta.url));
const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));

describe('recorded histories replay on the current workflow code', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const { workflowId, history } = JSON.parse(await readFile(dir + file, 'utf8'));
    // Throws DeterminismViolationError when the code no longer produces the recorded commands.
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, workflowId);
  });
});
