import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/tools/paths';

export interface Started {
  child: ChildProcess;
  output: () => string;
}

/** `npm start`'s entry point as a user runs it, with nothing configured but `env`. */
export function spawnStart(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/composition/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out };
}

/** Starts it and resolves once it printed its banner; throws with its output if it exits or takes over 120 s. */
export function start(env: Record<string, string>): Promise<Started> {
  const { child, output } = spawnStart(env);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`not running after 120 s:\n${output()}`)), 120_000);
    child.stdout!.on('data', () => {
      if (output().includes('partnerflow is running')) {
        clearTimeout(timer);
        // The banner ends with the token lines; give them a moment to arrive.
        setTimeout(() => ok({ child, output }), 200);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited ${code} before running:\n${output()}`));
    });
  });
}

/** Resolves with the exit code once the process has exited. */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok(child.exitCode);
    else child.once('exit', (code) => ok(code));
  });

export const stop = (child: ChildProcess, signal: NodeJS.Signals) => {
  const done = exited(child);
  child.kill(signal);
  return done;
};
