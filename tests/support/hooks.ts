import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startTestStack, type StackOptions, type TestStack } from './stack';

/** Per test (beforeEach/afterEach) instead of once for the describe block (beforeAll/afterAll). */
export interface HookOptions {
  each?: boolean;
}

/**
 * A stand-in for a value a hook makes later: property reads and writes go to the value once it
 * exists, and fail loudly before. Lets a describe block name its stack and world up front instead
 * of declaring `let s` and assigning it in a hook.
 */
function madeByHook<T extends object>(what: string): { value: T; set(v: T | undefined): void } {
  let current: T | undefined;
  const target = (): T => {
    if (!current) throw new Error(`${what} is made by a before-hook: use it inside a test or a later hook`);
    return current;
  };
  const value = new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, v) => Reflect.set(target(), key, v),
    has: (_, key) => Reflect.has(target(), key),
  });
  return { value, set: (v) => (current = v) };
}

const hooks = (o: HookOptions) => (o.each ? { before: beforeEach, after: afterEach } : { before: beforeAll, after: afterAll });

/**
 * The whole system (startTestStack) for the tests of the surrounding describe block: started
 * before them, closed after. `each` gives every test a fresh one.
 */
export function useStack(opts: StackOptions & HookOptions = {}): TestStack {
  const { each, ...stackOptions } = opts;
  const { before, after } = hooks({ each });
  const stack = madeByHook<TestStack>('The test stack');
  let started: TestStack | undefined;
  before(async () => {
    started = await startTestStack(stackOptions);
    stack.set(started);
  });
  after(async () => {
    await started?.close();
    started = undefined;
    stack.set(undefined);
  });
  return stack.value;
}

/**
 * What `seed` makes (a lifecycle's world, seeded through the API) for the tests of the surrounding
 * describe block, made after the hooks registered before it (so after useStack's). `teardown`
 * releases it after the tests.
 */
export function useWorld<W extends object>(seed: () => Promise<W>, o: HookOptions & { teardown?: (w: W) => unknown } = {}): W {
  const { before, after } = hooks(o);
  const world = madeByHook<W>('The world');
  let made: W | undefined;
  before(async () => {
    made = await seed();
    world.set(made);
  });
  after(async () => {
    if (made && o.teardown) await o.teardown(made);
    made = undefined;
    world.set(undefined);
  });
  return world.value;
}
