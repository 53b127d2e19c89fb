import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../setup/global';
import { listProcesses, portInUse } from '../../src/embedded/processes';
import { projectRoot } from '../../src/tools/paths';
import { exited } from '../support/npm-start';
import { startTestStack } from '../support/stack';
import { saleWorld } from '../sales/world';

// `npm start` stops cleanly whichever of its processes gets the signal: npm's own process (npm
// relays it), or the whole process group (what a terminal's Ctrl-C, systemd and Docker do), where
// the same signal arrives twice. The worker drains the activity it is running; no server, process
// or port is left behind.

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A real SMTP server that takes `holdMs` to accept each message: a mail activity that runs a while. */
async function slowSmtp(holdMs: number) {
  const accepted: string[] = [];
  let receiving = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      receiving += 1;
      stream.resume();
      stream.on('end', () =>
        setTimeout(() => {
          accepted.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        }, holdMs),
      );
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, accepted, receiving: () => receiving, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, out?: () => string): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(200)) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${out ? `:\n${out()}` : ''}`);
  }
}

describe('npm start stops cleanly, whichever of its processes gets the signal', () => {
  const dataDirs: string[] = [];
  const running: ChildProcess[] = [];
  afterEach(async () => {
    // A failed test must not leave its servers running for the next one.
    for (const child of running.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        const done = exited(child);
        process.kill(-child.pid!, 'SIGKILL');
        await done;
      }
    }
  });
  afterAll(async () => {
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  /** `npm start` exactly as a user types it, as the leader of its own process group. */
  async function npmStart(smtpUrl: string) {
    const dataDir = join(projectRoot, '.test-data', `signals-${randomBytes(4).toString('hex')}`);
    dataDirs.push(dataDir);
    const ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), postgres: await freePort() };
    const child = spawn('npm', ['start'], {
      cwd: projectRoot,
      detached: true,
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME!,
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        PORT: String(ports.api),
        TEMPORAL_DEV_PORT: String(ports.temporal),
        TEMPORAL_UI_PORT: String(ports.ui),
        EMBEDDED_POSTGRES_PORT: String(ports.postgres),
        SMTP_URL: smtpUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const output = () => out;
    await until('npm start to be running', () => {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${out}`);
      return out.includes('partnerflow is running') ? true : undefined;
    }, 180_000, output);
    await sleep(300);
    // npm runs the application directly (exec: no shell, no tsx wrapper in between).
    const app = (await listProcesses()).find((p) => p.ppid === child.pid);
    expect(app?.command).toMatch(/^\S*node --import tsx src\/composition\/main\.ts$/);
    const token = /(pf_[A-Za-z0-9_-]{43})/.exec(out)?.[1];
    expect(token).toBeDefined();
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`http://localhost:${ports.api}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    return { child, appPid: app!.pid, dataDir, ports, api, output };
  }

  /** After the stop: no port held, no process of this DATA_DIR (PostgreSQL, Temporal dev server, the app) running. */
  async function nothingLeft(started: Awaited<ReturnType<typeof npmStart>>) {
    for (const [name, port] of Object.entries(started.ports)) expect({ name, busy: await portInUse(port) }).toEqual({ name, busy: false });
    const leftovers = (await listProcesses()).filter((p) => p.pid === started.appPid || p.command.includes(started.dataDir));
    expect(leftovers).toEqual([]);
  }

  /** A sale registered through the API: the worker mails its approval request to the administrator. */
  async function registerSale(api: Awaited<ReturnType<typeof npmStart>>['api']) {
    const distribution = await api('POST', '/v1/distributions', { name: 'Signals / Practice Test', unitPrices: { EUR: 1250 } });
    expect(distribution.status).toBe(201);
    const org = await api('POST', '/v1/organizations', { name: `Signals ${randomBytes(3).toString('hex')}`, ltiService: true });
    expect(org.status).toBe(201);
    const sale = await api('POST', '/v1/sales', {
      name: 'Year plan',
      customer: { organizationId: org.body.id },
      distributions: [{ distributionId: distribution.body.id, salesType: 'per_user', numberOfUsers: 2, currency: 'EUR' }],
      activationDate: new Date().toISOString().slice(0, 10),
      billed: 'invoice',
    });
    expect(sale.status).toBe(201);
  }

  it('the process group gets SIGTERM (twice over, npm relays it): the running mail activity finishes, then everything stops', { timeout: 300_000 }, async () => {
    const smtp = await slowSmtp(6_000);
    try {
      const started = await npmStart(smtp.url);
      await registerSale(started.api);
      await until('the approval request mail to be under way', () => (smtp.receiving() > 0 ? true : undefined), 60_000, started.output);
      const code = exited(started.child);
      process.kill(-started.child.pid!, 'SIGTERM');
      expect(await code).toBe(0);
      // Sent while the worker was stopping: it waited for the activity instead of leaving.
      expect(smtp.accepted).toContain('admin@partnerflow.localhost');
      expect(started.output()).not.toContain('exiting without waiting');
      await nothingLeft(started);
    } finally {
      await smtp.close();
    }
  });

  it("npm's own process gets SIGTERM: it relays it, the application stops and leaves nothing behind", { timeout: 300_000 }, async () => {
    const smtp = await slowSmtp(0);
    try {
      const started = await npmStart(smtp.url);
      expect((await started.api('GET', '/ready')).status).toBe(200);
      const code = exited(started.child);
      started.child.kill('SIGTERM');
      expect(await code).toBe(0);
      await nothingLeft(started);
    } finally {
      await smtp.close();
    }
  });
});

describe('npm run worker stops cleanly when its process group is signalled', () => {
  it('SIGTERM to the group (twice over, npm relays it): the running mail activity finishes, then the worker exits', { timeout: 300_000 }, async () => {
    const s = await startTestStack({ worker: false });
    const smtp = await slowSmtp(6_000);
    let child: ChildProcess | undefined;
    try {
      // The worker alone, against this file's database and its task queue on the test's Temporal server.
      child = spawn('npm', ['run', 'worker'], {
        cwd: projectRoot,
        detached: true,
        env: { PATH: process.env.PATH!, HOME: process.env.HOME!, LOG_LEVEL: 'info', DATABASE_URL: s.dbUrl, TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_TASK_QUEUE: s.taskQueue, SMTP_URL: smtp.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      await until('the worker to run', () => {
        if (child!.exitCode !== null) throw new Error(`npm run worker exited ${child!.exitCode}:\n${out}`);
        return out.includes('worker running') ? true : undefined;
      }, 180_000, () => out);
      const app = (await listProcesses()).find((p) => p.ppid === child!.pid);
      expect(app?.command).toMatch(/^\S*node --import tsx src\/composition\/main-worker\.ts$/);

      // A registered sale: its workflow, on this worker, mails the approval requests.
      await saleWorld(s);
      await until('an approval request mail to be under way', () => (smtp.receiving() > 0 ? true : undefined), 60_000, () => out);
      const code = exited(child);
      process.kill(-child.pid!, 'SIGTERM');
      expect(await code).toBe(0);
      expect(smtp.accepted.length).toBeGreaterThan(0);
      expect(out).not.toContain('exiting without waiting');
      expect(out).toContain('shutting down');
      expect((await listProcesses()).filter((p) => p.pid === app!.pid)).toEqual([]);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) {
        const done = exited(child);
        process.kill(-child.pid!, 'SIGKILL');
        await done;
      }
      await smtp.close();
      await s.close();
    }
  });
});
