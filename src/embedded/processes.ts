import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/**
 * Finding and stopping the servers an earlier `npm start` left running when it was killed
 * (`kill -9`, a crash, a closed terminal): its embedded PostgreSQL and Temporal dev server keep
 * running as orphans and hold their ports and data files. Linux reads /proc; other Unixes ask `ps`.
 */

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The command line, arguments joined by spaces. */
  command: string;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function linuxProcess(pid: number): Promise<ProcessInfo | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Exited, waiting to be reaped: gone, unless only its first thread has exited and the others
    // (which hold its files and ports) are still finishing.
    if ((state === 'Z' || state === 'X') && (await readdir(`/proc/${pid}/task`).catch(() => [])).length <= 1) return undefined;
    const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean).join(' ');
    return { pid, ppid: Number(ppid), command };
  } catch {
    return undefined;
  }
}

function ps(args: string[]): Promise<string> {
  return new Promise((ok) => execFile('ps', args, { maxBuffer: 16 * 1024 * 1024 }, (err, out) => ok(err ? '' : out)));
}

function parsePs(out: string): ProcessInfo[] {
  const rows: ProcessInfo[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (m && !m[3]!.startsWith('Z')) rows.push({ pid: Number(m[1]), ppid: Number(m[2]), command: m[4]!.trim() });
  }
  return rows;
}

/** The live process with this id (not a zombie), or undefined. */
export async function processInfo(pid: number): Promise<ProcessInfo | undefined> {
  if (!Number.isInteger(pid) || pid <= 1 || !signalable(pid)) return undefined;
  if (process.platform === 'linux') return linuxProcess(pid);
  return parsePs(await ps(['-p', String(pid), '-o', 'pid=,ppid=,state=,command=']))[0];
}

/** Every live process this user can see. */
export async function listProcesses(): Promise<ProcessInfo[]> {
  if (process.platform !== 'linux') return parsePs(await ps(['-A', '-o', 'pid=,ppid=,state=,command=']));
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((d) => /^\d+$/.test(d)).map(Number);
  const found = await Promise.all(pids.map(linuxProcess));
  return found.filter((p): p is ProcessInfo => p !== undefined);
}

/**
 * Stops a process: `signal` first (each server's own clean shutdown), then SIGKILL if it is still
 * there after `graceMs`. Resolves once it is gone; false if even SIGKILL did not end it.
 */
export async function stopProcess(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<boolean> {
  const gone = async (withinMs: number) => {
    for (const until = Date.now() + withinMs; Date.now() < until; await sleep(100)) {
      if (!(await processInfo(pid))) return true;
    }
    return !(await processInfo(pid));
  };
  try {
    process.kill(pid, signal);
  } catch {
    return !(await processInfo(pid));
  }
  if (await gone(graceMs)) return true;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone between the check and the kill.
  }
  return gone(5_000);
}

/**
 * Whether something listens on host:port, so a server started there would fail. A port that
 * frees within `settleMs` (a process that has just been stopped) counts as free.
 */
export async function portBusy(port: number, settleMs = 5_000, host = '127.0.0.1'): Promise<boolean> {
  for (const until = Date.now() + settleMs; await portInUse(port, host); await sleep(200)) {
    if (Date.now() >= until) return true;
  }
  return false;
}

/** Whether something already listens on host:port (so a server we start there would fail). */
export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => ok(err.code === 'EADDRINUSE' || err.code === 'EACCES'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => ok(false)));
  });
}
