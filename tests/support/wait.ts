import { inspect } from 'node:util';

export interface WaitOptions {
  timeoutMs?: number;
  everyMs?: number;
  /** What is awaited, for the timeout's message; the condition's source text unless told. */
  what?: string;
}

/** A wait that ran out of time: names what was awaited and the last value seen. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  constructor(
    what: string,
    timeoutMs: number,
    readonly last: unknown,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${inspect(last, { depth: 4, breakLength: Infinity, maxStringLength: 2_000 })}`);
  }
}

const describe = (ok: (v: never) => boolean) => ok.toString().replace(/\s+/g, ' ').slice(0, 300);

/**
 * Polls `probe` until `ok` holds and returns that value (activities land a moment after what
 * triggers them). Throws a WaitTimeoutError naming what was awaited and the last value when the
 * time is up: a wait never lets a test go on as if the condition had held.
 * `waitFor(probe, ok, 60_000)`, `waitFor(probe, ok, 60_000, 20)` or `waitFor(probe, ok, { what, timeoutMs })`.
 */
export async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, o: number | WaitOptions = {}, everyMs?: number): Promise<T> {
  const opts: WaitOptions = typeof o === 'number' ? { timeoutMs: o, everyMs } : o;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new WaitTimeoutError(opts.what ?? describe(ok as (v: never) => boolean), timeoutMs, v);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}
