import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { toolsDir } from './paths';
import { STRIPE_MOCK_MODULE, TEMPORAL_CLI_MODULE, TEMPORAL_TEST_SERVER_ARTIFACT } from './versions';

export type ToolSource = 'env' | 'path' | 'cache' | 'built' | 'sdk-download';
export interface ResolvedTool {
  /** Absolute path of the executable, or undefined when the SDK is to download it. */
  path: string | undefined;
  source: ToolSource;
}
type Log = (line: string) => void;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/** A summary of a build's output for one log line: how many modules it downloaded. */
export function summariseBuildOutput(output: string): string {
  const downloads = output.split('\n').filter((l) => /^\s*go: downloading /.test(l)).length;
  return downloads ? `${downloads} module${downloads === 1 ? '' : 's'} downloaded` : 'nothing downloaded';
}

/**
 * Runs a build step. Its output (the Go toolchain prints a line per module it downloads) goes to
 * `detail` line by line (debug level in the logger) and is kept: a failure carries all of it.
 * Resolves with the whole output.
 */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, detail: Log, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      output += text;
      for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line) detail(`  ${line}`);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${output.trim()}`))));
  });
}

async function goInstall(module: string, binary: string, log: Log, detail: Log): Promise<string | undefined> {
  if (!has('go', ['version'])) return undefined;
  const bin = join(toolsDir, 'bin');
  await mkdir(bin, { recursive: true });
  log(`building ${module} with go install (first run only; a few minutes on 2 cores)…`);
  const started = Date.now();
  const output = await run('go', ['install', module], { ...process.env, GOBIN: bin }, detail);
  log(`built ${binary} in ${Math.round((Date.now() - started) / 1000)} s (${summariseBuildOutput(output)})`);
  return join(bin, binary);
}

async function resolveGoTool(envVar: string, binary: string, module: string, log: Log, detail: Log): Promise<ResolvedTool> {
  const fromEnv = process.env[envVar];
  if (fromEnv) return { path: fromEnv, source: 'env' };
  const fromPath = onPath(binary);
  if (fromPath) return { path: fromPath, source: 'path' };
  const cached = join(toolsDir, 'bin', binary);
  if (existsSync(cached)) return { path: cached, source: 'cache' };
  const built = await goInstall(module, binary, log, detail);
  if (built) return { path: built, source: 'built' };
  return { path: undefined, source: 'sdk-download' };
}

const quiet: Log = () => {};

/**
 * Temporal CLI (dev server + Web UI). Without one, the SDK downloads it (needs internet).
 * `log` gets a line when a build starts and one when it ends; `detail` every line of its output.
 */
export const resolveTemporalCli = (log: Log = console.log, detail: Log = quiet) =>
  resolveGoTool('TEMPORAL_CLI_PATH', 'temporal', TEMPORAL_CLI_MODULE, log, detail);

/** stripe-mock for tests and local development against a fake Stripe. */
export async function resolveStripeMock(log: Log = console.log, detail: Log = quiet): Promise<ResolvedTool> {
  const tool = await resolveGoTool('STRIPE_MOCK_PATH', 'stripe-mock', STRIPE_MOCK_MODULE, log, detail);
  if (!tool.path) throw new Error('stripe-mock not found: install Go, put stripe-mock on PATH or set STRIPE_MOCK_PATH');
  return tool;
}

// Quick JIT and a small GC: the SDK gives the server 5 s to listen, which a loaded 2-core
// machine can miss with the JVM's defaults. Relative jar path: a moved checkout keeps its cache.
const LAUNCHER = `#!/bin/sh
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"
`;

async function writeLauncher(launcher: string): Promise<void> {
  const current = existsSync(launcher) ? await readFile(launcher, 'utf8') : '';
  if (current === LAUNCHER) return;
  await writeFile(launcher, LAUNCHER);
  await chmod(launcher, 0o755);
}

/** The Java time-skipping test server from Maven Central, behind a small launcher script. */
export async function resolveTestServer(log: Log = console.log, detail: Log = quiet): Promise<ResolvedTool> {
  const fromEnv = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (fromEnv) return { path: fromEnv, source: 'env' };
  const dir = join(toolsDir, 'temporal-test-server');
  const launcher = join(dir, 'temporal-test-server');
  const lib = join(dir, 'lib');
  if (existsSync(lib) && (await readdir(lib)).some((f) => f.endsWith('.jar'))) {
    await writeLauncher(launcher);
    return { path: launcher, source: 'cache' };
  }
  if (!has('mvn', ['-v']) || !has('java', ['-version'])) return { path: undefined, source: 'sdk-download' };
  const { groupId, artifactId, version } = TEMPORAL_TEST_SERVER_ARTIFACT;
  log(`fetching ${groupId}:${artifactId}:${version} and its runtime dependencies from Maven Central…`);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>partnerflow</groupId><artifactId>test-server-fetch</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies><dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency></dependencies>
</project>\n`,
  );
  await run('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib', '-DincludeScope=runtime'], process.env, detail, dir);
  const jars = (await readdir(lib)).filter((f) => f.endsWith('.jar'));
  if (jars.length === 0) throw new Error('Maven fetched no jars for the Temporal test server');
  await writeLauncher(launcher);
  return { path: launcher, source: 'built' };
}
