import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses, portInUse, processInfo, stopProcess } from '../../src/embedded/processes';
import { projectRoot } from '../../src/tools/paths';
import { freePort } from '../setup/global';
import { exited, spawnStart, start, stop, type Started } from '../support/npm-start';

const TOKEN = /(pf_[A-Za-z0-9_-]{43})/;

/** Processes whose command line names this data directory (PostgreSQL, the Temporal dev server). */
const processesOn = async (dataDir: string) => (await listProcesses()).filter((p) => p.command.includes(dataDir));

describe('npm start after its main process was killed', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let ports: { api: number; pg: number; temporal: number; ui: number };
  const children: Started[] = [];

  beforeAll(async () => {
    dataDir = join(projectRoot, '.test-data', `crash-${randomBytes(4).toString('hex')}`);
    ports = { api: await freePort(), pg: await freePort(), temporal: await freePort(), ui: await freePort() };
    env = {
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      EMBEDDED_POSTGRES_PORT: String(ports.pg),
      TEMPORAL_DEV_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
    };
  });

  afterAll(async () => {
    // Whatever a failed run left: our children, then the servers they started on this data directory.
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) await stop(c.child, 'SIGKILL');
    for (const p of await processesOn(dataDir)) await stopProcess(p.pid, 'SIGTERM', 10_000);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finds the PostgreSQL and Temporal dev server the killed run left, stops them, comes up on the same data and stops cleanly', { timeout: 400_000 }, async () => {
    const first = await start(env);
    children.push(first);
    const token = TOKEN.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`http://localhost:${ports.api}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    const org = (await (await api('/v1/organizations', { method: 'POST', body: JSON.stringify({ name: 'Survives a crash' }) })).json()) as { id: string };
    expect(org.id).toBeDefined();

    const postgresPid = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const temporalPid = Number(JSON.parse(await readFile(join(dataDir, 'temporal-dev-server.pid'), 'utf8')).pid);
    expect((await processInfo(postgresPid))?.command).toContain(dataDir);
    expect((await processInfo(temporalPid))?.command).toContain('start-dev');

    // kill -9 of the main process alone: nothing of it runs its shutdown, its servers are orphaned.
    expect(await stop(first.child, 'SIGKILL')).toBeNull();
    expect(await processInfo(postgresPid)).toBeDefined();
    expect(await portInUse(ports.pg)).toBe(true);

    const second = await start(env);
    children.push(second);
    const banner = second.output();
    expect(banner).toContain(`stopping the PostgreSQL (pid ${postgresPid}) that an earlier run left running`);
    expect(banner).not.toMatch(TOKEN);
    expect(banner).not.toContain('undefined');
    expect(await processInfo(postgresPid)).toBeUndefined();
    // The dev server may already have gone by itself (its output pipe broke); either way the old one is gone.
    expect(await processInfo(temporalPid)).toBeUndefined();

    expect((await api('/ready')).status).toBe(200);
    const again = await api(`/v1/organizations/${org.id}`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('Survives a crash');

    expect(await stop(second.child, 'SIGTERM')).toBe(0);
    for (const port of Object.values(ports)) expect(await portInUse(port)).toBe(false);
    expect(await processesOn(dataDir)).toEqual([]);
  });

  it('names the embedded PostgreSQL port when something else holds it, and what to do', { timeout: 120_000 }, async () => {
    const blocker: Server = createServer().listen(ports.pg, '127.0.0.1');
    await new Promise((ok) => blocker.once('listening', ok));
    try {
      const run = spawnStart(env);
      children.push(run);
      expect(await exited(run.child)).toBe(1);
      const out = run.output();
      expect(out).toContain(`Embedded PostgreSQL could not start on port ${ports.pg}: another program is already listening on that port`);
      expect(out).toContain('set EMBEDDED_POSTGRES_PORT to a free port');
      expect(out).not.toContain('undefined');
    } finally {
      await new Promise((ok) => blocker.close(ok));
    }
    expect(await processesOn(dataDir)).toEqual([]);
  });
});
