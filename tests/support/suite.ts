import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startTestStack, type StackOptions, type TestStack } from './stack';

export interface SuiteOptions extends StackOptions {
  /** A fresh stack (and world) for every test instead of one for the whole describe block. */
  perTest?: boolean;
}

/**
 * A stand-in for a value a hook sets later: reading a property forwards to the current value,
 * so a describe block can name its stack and world once, at the top, and use them in its tests.
 */
function setLater<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const value = current();
      if (value === undefined) throw new Error(`${what} is read before its beforeAll/beforeEach hook ran (read it inside tests and hooks)`);
      return Reflect.get(value, key, value);
    },
  });
}

/**
 * The whole stack (`startTestStack`) for the enclosing describe block, started before its tests
 * and closed after them, with an optional world seeded on it through the API:
 *
 * ```ts
 * describe('…', () => {
 *   const { s, w } = suiteStack({ worker: false }, (s) => partnerWorld(s, { grant: 5 }));
 *   it('…', async () => { await s.call('GET', `/v1/…/${w.organizationId}`); });
 * });
 * ```
 */
export function suiteStack<W extends object = Record<string, never>>(
  opts: SuiteOptions = {},
  seed?: (s: TestStack) => Promise<W>,
): { s: TestStack; w: W } {
  let stack: TestStack | undefined;
  let world: W | undefined;
  const [setUp, tearDown] = opts.perTest ? [beforeEach, afterEach] : [beforeAll, afterAll];
  setUp(async () => {
    stack = await startTestStack(opts);
    if (seed) world = await seed(stack);
  });
  tearDown(async () => {
    await stack?.close();
    stack = undefined;
    world = undefined;
  });
  return { s: setLater('The stack', () => stack), w: setLater('The world', () => world) };
}
