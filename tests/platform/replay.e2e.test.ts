import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as registered from '../../workflows';
import { allBranches, BRANCHES } from '../histories/branches';

const dir = fileURLToPath(new URL('../histories/', import.meta.url));
const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
const workflowTypes = Object.keys(registered).filter((name) => typeof (registered as Record<string, unknown>)[name] === 'function');

describe('every branch of every registered workflow has a recorded history', () => {
  it('knows the branches of each workflow the worker registers (workflows/index.ts), and no other', () => {
    expect(workflowTypes.length).toBeGreaterThan(0);
    expect(Object.keys(BRANCHES).sort()).toEqual([...workflowTypes].sort());
    for (const type of workflowTypes) expect(BRANCHES[type as keyof typeof BRANCHES].length, type).toBeGreaterThan(0);
  });

  it('has a history file for each known branch (record missing ones: npx tsx scripts/record-histories.ts)', () => {
    const missing = allBranches().filter((b) => !files.includes(b.file)).map((b) => `${b.name} → tests/histories/${b.file}`);
    expect(missing).toEqual([]);
  });
});

describe('recorded histories replay on the current workflow code', () => {
  it('has recorded histories to replay, each of a registered workflow type', async () => {
    expect(files.length).toBeGreaterThanOrEqual(allBranches().length);
    for (const file of files) {
      const { workflowType } = JSON.parse(await readFile(dir + file, 'utf8'));
      expect(workflowTypes, file).toContain(workflowType);
    }
  });

  it.each(files)('%s', async (file) => {
    const { workflowId, history } = JSON.parse(await readFile(dir + file, 'utf8'));
    // Throws DeterminismViolationError when the code no longer produces the recorded commands.
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, workflowId);
  });
});
