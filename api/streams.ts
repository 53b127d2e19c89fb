import { csvLine } from '../src/domain/csv';

// Bodies written as they are read, for answers of any size: the exports and every list as CSV.

/**
 * A body read from `rows` as the client takes it (back-pressure: the next rows are read only when
 * the previous chunk was sent), so an answer of any size takes constant memory. A client that goes
 * away stops the reading (the iterator's `return`).
 */
export function streamOf<T>(head: string, rows: AsyncIterable<T>, line: (row: T, first: boolean) => string, tail: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = rows[Symbol.asyncIterator]();
  let first = true;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
      }
      let chunk = '';
      // Up to ~64 KB per chunk: few enqueues, bounded memory.
      while (chunk.length < 65_536) {
        const next = await it.next();
        if (next.done) {
          controller.enqueue(encoder.encode(chunk + tail));
          controller.close();
          return;
        }
        chunk += line(next.value, first);
        first = false;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** CSV: the header, then one record per row (the row's value of each column). */
export const csvStream = <T extends object>(columns: readonly (keyof T & string)[], rows: AsyncIterable<T>) =>
  streamOf(`${columns.join(',')}\r\n`, rows, (r) => csvLine(columns, r as Record<string, unknown>), '');

/** JSON `{ "generatedAt": …, "items": [ … ] }`, one item at a time. */
export const jsonStream = <T>(generatedAt: Date, rows: AsyncIterable<T>) =>
  streamOf(`{"generatedAt":${JSON.stringify(generatedAt)},"items":[`, rows, (r, first) => (first ? '' : ',') + JSON.stringify(r), ']}');
