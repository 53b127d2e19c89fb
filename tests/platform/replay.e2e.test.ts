import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
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

  // One replay worker for every history (as an ops replay of many runs would do): each history
  // still has its own result and its own test below.
  const outcomes = new Map<string, Error | undefined>();
  beforeAll(async () => {
    const histories = await Promise.all(
      files.map(async (file) => {
        const { workflowId, history } = JSON.parse(await readFile(dir + file, 'utf8'));
        return { file, workflowId: workflowId as string, history };
      }),
    );
    const replays = Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories);
    let i = 0;
    for await (const { error } of replays) outcomes.set(histories[i++]!.file, error);
  }, 120_000);

  it.each(files)('%s', (file) => {
    expect(outcomes.has(file), `${file} was not replayed`).toBe(true);
    // A DeterminismViolationError when the code no longer produces the recorded commands.
    const error = outcomes.get(file);
    if (error) throw error;
  });
});
