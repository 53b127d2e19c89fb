import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../setup/global';
import { projectRoot } from '../../src/tools/paths';
import { start, stop } from '../support/npm-start';

describe('npm start on a fresh clone, with no configuration', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let ports: { api: number; ui: number };
  beforeAll(async () => {
    // Inside the project like the default .data (as root, PostgreSQL runs as `postgres` and needs to reach it).
    dataDir = join(projectRoot, '.test-data', `start-${randomBytes(4).toString('hex')}`);
    ports = { api: await freePort(), ui: await freePort() };
    env = {
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(ports.ui),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    };
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('serves /ready, /docs and the Temporal UI, prints the first admin token once, stops cleanly and finds its data again', { timeout: 300_000 }, async () => {
    const first = await start({ ...env, LOG_LEVEL: 'info' });
    const banner = first.output();
    // Off a terminal (a pipe here) the logs are JSON, and a first start says little.
    const logLines = banner.slice(0, banner.indexOf('partnerflow is running')).split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(expect.arrayContaining(['starting embedded PostgreSQL', 'starting Temporal dev server']));
    expect(logLines.length).toBeLessThan(15);
    expect(banner).not.toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO/m);
    expect(banner).toContain(`http://localhost:${ports.api}/docs`);
    expect(banner).toContain(`http://localhost:${ports.api}/portal`);
    expect(banner).toContain(`http://localhost:${ports.ui}`);
    const token = /(pf_[A-Za-z0-9_-]{43})/.exec(banner)?.[1];
    expect(token).toBeDefined();

    const api = (path: string, init: RequestInit = {}) => fetch(`http://localhost:${ports.api}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    expect((await api('/ready')).status).toBe(200);
    expect(await (await api('/docs')).text()).toContain('/openapi.json');
    // The portal and its assets, served by the same process from its own packages.
    expect(await (await api('/portal/sign-in')).text()).toContain('E-mail me a sign-in link');
    const htmx = await api('/portal/assets/htmx.min.js');
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain('htmx');
    expect((await fetch(`http://localhost:${ports.ui}/`)).status).toBe(200);
    const org = (await (await api('/v1/organizations', { method: 'POST', body: JSON.stringify({ name: 'Survives restarts' }) })).json()) as { id: string };
    expect(org.id).toBeDefined();

    expect(await stop(first.child, 'SIGTERM')).toBe(0);
    await expect(fetch(`http://localhost:${ports.api}/health`)).rejects.toThrow();

    const second = await start(env);
    expect(second.output()).not.toMatch(/pf_[A-Za-z0-9_-]{43}/);
    const again = await api(`/v1/organizations/${org.id}`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('Survives restarts');
    expect(await stop(second.child, 'SIGINT')).toBe(0);
  });

  it('refuses to start on bad settings, naming every one at once (rules between variables included)', async () => {
    // Exactly what a user types: npm start with two bad variables and one that breaks a rule between variables.
    const child = spawn('npm', ['start', '--silent'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, PORT: 'abc', ADMIN_TOKEN: 'short', STRIPE_WEBHOOK_SECRET: 'x', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).toBe(1);
    for (const name of ['PORT', 'ADMIN_TOKEN', 'STRIPE_WEBHOOK_SECRET']) expect(out).toMatch(new RegExp(`- ${name}: `));
  });
});
