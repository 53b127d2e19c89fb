// The installed postgres.js connection queue is the mended one (scripts/postinstall/postgres-queue.mjs):
// a queue that never runs dry stays as small as what it holds, and keeps its order.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/tools/paths';

interface Queue<T> {
  readonly length: number;
  push(x: T): T;
  shift(): T | undefined;
  remove(x: T): T | null;
}
type QueueFactory = <T>(initial?: T[]) => Queue<T>;

const builds = {
  esm: async () => ((await import(pathToFileURL(join(projectRoot, 'node_modules/postgres/src/queue.js')).href)) as { default: QueueFactory }).default,
  cjs: async () => ((await import(pathToFileURL(join(projectRoot, 'node_modules/postgres/cjs/src/queue.js')).href)) as { default: QueueFactory }).default,
};

/** An array that remembers the most elements it ever held: the queue copies it (slice keeps the class). */
class Watched<T> extends Array<T> {
  static most = 0;
  override push(...items: T[]): number {
    const n = super.push(...items);
    Watched.most = Math.max(Watched.most, n);
    return n;
  }
}

describe.each(Object.entries(builds))('postgres.js connection queue (%s build)', (_name, load) => {
  it('stays the size of what it holds while busy connections are taken and given back without end', async () => {
    const Queue = await load();
    Watched.most = 0;
    const connections = Watched.from({ length: 10 }, (_, i) => `connection ${i}`) as Watched<string>;
    const busy = Queue(connections);
    // The pool's pattern under load: pipeline onto the first busy connection (shift, push back),
    // and move a finished one out (remove) and in again (push).
    for (let i = 0; i < 100_000; i++) {
      busy.push(busy.shift()!);
      if (i % 7 === 0) {
        const done = `connection ${i % 10}`;
        if (busy.remove(done)) busy.push(done);
      }
    }
    expect(busy.length).toBe(10);
    expect(Watched.most).toBeLessThan(200);
  });

  it('keeps first-in first-out order, and removes only what it holds', async () => {
    const Queue = await load();
    const q = Queue<number>();
    for (let i = 0; i < 300; i++) q.push(i);
    for (let i = 0; i < 200; i++) expect(q.shift()).toBe(i);
    expect(q.remove(250)).toBe(250);
    expect(q.remove(10)).toBeNull();
    expect(q.remove(250)).toBeNull();
    const rest: number[] = [];
    while (q.length) rest.push(q.shift()!);
    expect(rest).toEqual([...Array.from({ length: 50 }, (_, i) => 200 + i), ...Array.from({ length: 49 }, (_, i) => 251 + i)]);
  });
});
