import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../setup/global';
import { projectRoot } from '../../src/tools/paths';
import { ledger, ledgerFromFacts, partnerSuite } from './world';

const RESPONDENTS = 200;
const LANES = 3;

interface Api {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `npm run api` as ops run it beside the stack's worker: same database, same Temporal task queue. */
async function startApi(env: Record<string, string>): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/composition/main-api.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${out}`);
    if (await fetch(`${url}/ready`).then((r) => r.ok, () => false)) return { child, url, output: () => out };
    if (Date.now() > deadline) throw new Error(`the API is not ready after 120 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Polls until `probe` answers something `ok` accepts, and throws with the last answer when time runs out. */
async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe('an API process killed in the middle of large cohort invitations', () => {
  const { s, w } = partnerSuite({ grant: 20_000 });
  const apis: Api[] = [];

  beforeAll(async () => {
    const env = { DATABASE_URL: s.dbUrl, TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_TASK_QUEUE: s.taskQueue };
    apis.push(...(await Promise.all([startApi(env), startApi(env)])));
  });
  afterAll(async () => {
    for (const api of apis) if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGTERM');
  });

  it('leaves every response with its running workflow and no workflow without its response, one to one', { timeout: 300_000 }, async () => {
    const [victim, survivor] = apis as [Api, Api];
    const cohort = async (name: string) => {
      const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name } });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    // One cohort per process, so the rows each one committed can be told apart.
    const cohorts = { victim: await cohort('Victim'), survivor: await cohort('Survivor') };
    let batch = 0;
    const invite = (api: Api, cohortId: string) => {
      const b = batch++;
      return fetch(`${api.url}/v1/cohorts/${cohortId}/invitations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.manager.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ respondents: Array.from({ length: RESPONDENTS }, (_, i) => ({ email: `b${b}-${i}@example.test`, name: `Respondent ${i}` })) }),
      });
    };

    // Several lanes per process, each inviting a whole class after the other until it is told to stop.
    let killed = false;
    const answers = { survivor: [] as number[], victim: [] as number[], victimLost: 0 };
    const lanes = (api: Api, cohortId: string, into: number[], rounds: number) =>
      Array.from({ length: LANES }, async () => {
        for (let r = 0; r < rounds && !(api === victim && killed); r++) {
          try {
            into.push((await invite(api, cohortId)).status);
          } catch {
            answers.victimLost++;
          }
        }
      });
    const victimLanes = lanes(victim, cohorts.victim, answers.victim, 100);
    const survivorLanes = lanes(survivor, cohorts.survivor, answers.survivor, 2);

    // Kill the victim right after its first commit: its workflow starts are under way then.
    const count = async (cohortId: string) => (await s.sql`select count(*)::int as n from responses where cohort_id = ${cohortId}`)[0]!.n as number;
    await until('the victim\'s first committed invitation', () => count(cohorts.victim), (n) => n > 0, 120_000, 10);
    const exited = new Promise((ok) => victim.child.once('exit', (_code, signal) => ok(signal)));
    victim.child.kill('SIGKILL');
    killed = true;
    expect(await exited).toBe('SIGKILL');
    await Promise.all([...victimLanes, ...survivorLanes]);
    expect(answers.victimLost).toBeGreaterThan(0);
    expect(answers.survivor).toEqual(Array.from({ length: LANES * 2 }, () => 201));

    const rows = async () => (await s.sql<{ id: string }[]>`select id from responses where organization_id = ${w.organizationId}`).map((r) => `response-${r.id}`).sort();
    const workflows = async (running: boolean) => {
      const ids: string[] = [];
      const query = `PartnerflowKind = "response" AND PartnerflowOrganizationId = "${w.organizationId}"${running ? ' AND ExecutionStatus = "Running"' : ''}`;
      for await (const wf of s.client.workflow.list({ query })) ids.push(wf.workflowId);
      return ids.sort();
    };

    // The situation the test is about: the victim committed responses whose workflows it never started.
    const victimRows = await s.sql<{ id: string }[]>`select id from responses where cohort_id = ${cohorts.victim}`;
    expect(victimRows.length % RESPONDENTS).toBe(0);
    expect(victimRows.length).toBeGreaterThan(0);
    const orphaned = (
      await Promise.all(victimRows.map((r) => s.client.workflow.getHandle(`response-${r.id}`).describe().then(() => 0, () => 1)))
    ).reduce((a: number, b: number) => a + b, 0);
    expect(orphaned).toBeGreaterThan(0);

    // Once the hand-off settles, rows and running workflows match one to one.
    const expected = await rows();
    expect(expected).toHaveLength(LANES * 2 * RESPONDENTS + victimRows.length);
    await until('every response\'s workflow running', () => workflows(true), (ids) => ids.length === expected.length, 180_000, 1_000);
    expect(await workflows(true)).toEqual(expected);
    expect(await workflows(false)).toEqual(expected);
    expect(await rows()).toEqual(expected);
    // Every workflow takes its hand-off in its first task, which may still be queued behind the
    // others' when the list shows them all running: the entries drain to none.
    const handoffs = await until('every hand-off taken', async () => (await s.sql`select count(*)::int as n from response_handoffs`)[0]!.n as number, (n) => n === 0, 180_000, 500);
    expect(handoffs).toBe(0);

    // And the ledger counts exactly those.
    const columns = await ledger(s, w.organizationId, w.assessmentId);
    expect(columns).toMatchObject({ invited: expected.length, unexpired: expected.length, used: 0 });
    const { nextReleaseAt: _n, organizationId: _o, assessmentId: _a, unit: _u, lowBalanceThreshold: _t, ...cols } = columns;
    expect(cols).toEqual(await ledgerFromFacts(s, w.organizationId, w.assessmentId));
  });
});
