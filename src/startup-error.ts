/**
 * A start-up step that failed, said the way a person at the terminal needs it: what failed, why,
 * and what to do about it. The entry points print exactly this and exit 1.
 */
export class StartupError extends Error {
  constructor(
    readonly what: string,
    readonly why: string,
    readonly todo: string,
  ) {
    super(`${what}: ${why}\n  What to do: ${todo}`);
    this.name = 'StartupError';
  }
}

/** The text of anything thrown, never `undefined`: some libraries reject with nothing at all. */
export function describeFailure(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (err === undefined || err === null) return 'it stopped without saying why';
  if (typeof err === 'string') return err || 'it stopped without saying why';
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
