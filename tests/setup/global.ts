import { rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { bundleWorkflowCode } from '@temporalio/worker';
import { connectDatabase } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/embedded/postgres';
import { startDevServer } from '../../src/temporal/dev-server';
import { workflowsPath } from '../../src/composition/worker';
import { projectRoot } from '../../src/tools/paths';
import { resolveStripeMock, resolveTemporalCli, resolveTestServer } from '../../src/tools/resolve';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrlTemplate: string;
    templateDatabase: string;
    temporalAddress: string;
    testServerPath: string;
    stripeMockUrl: string;
    workflowBundlePath: string;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, name: string) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not listen on ${port}`);
}

export default async function setup(project: TestProject) {
  const log = (line: string) => console.log(`[setup] ${line}`);
  const dataDir = join(projectRoot, '.test-data');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });

  const [cli, testServer, stripeMock] = await Promise.all([resolveTemporalCli(log), resolveTestServer(log), resolveStripeMock(log)]);
  if (!testServer.path) throw new Error('No Temporal test server: install Java + Maven, or set TEMPORAL_TEST_SERVER_PATH');

  const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: await freePort() });
  const templateDatabase = 'partnerflow_template';
  await ensureDatabase(pg.baseUrl, templateDatabase);
  const sql = connectDatabase(pg.urlFor(templateDatabase), { max: 1 });
  await migrate(sql);
  await sql.end();

  const stripePort = await freePort();
  const stripe = spawn(stripeMock.path!, ['-http-port', String(stripePort), '-https-port', String(await freePort())], { stdio: 'ignore' });
  await waitForPort(stripePort, stripe, 'stripe-mock');

  const [devServer, bundle] = await Promise.all([
    startDevServer({ executable: cli, port: await freePort() }),
    bundleWorkflowCode({ workflowsPath, logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never }),
  ]);
  const workflowBundlePath = join(dataDir, 'workflow-bundle.js');
  await (await import('node:fs/promises')).writeFile(workflowBundlePath, bundle.code);

  project.provide('pgUrlTemplate', pg.urlFor('{db}'));
  project.provide('templateDatabase', templateDatabase);
  project.provide('temporalAddress', devServer.address);
  project.provide('testServerPath', testServer.path);
  project.provide('stripeMockUrl', `http://127.0.0.1:${stripePort}`);
  project.provide('workflowBundlePath', workflowBundlePath);

  return async () => {
    stripe.kill();
    await devServer.stop();
    await pg.stop();
  };
}
