import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ID_CURSOR, type CursorCodec } from '../src/domain/cursor';
import { csvField } from '../src/domain/csv';
import type { AppEnv } from './context';
import { listOf, page } from './schemas';
import { streamOf } from './streams';

// Every list of the API answers the same way (README, "API conventions"): a page of JSON
// `{ items, nextCursor }`, or, when the caller asks for `text/csv`, every row that matches the
// filters as one CSV file, streamed. The CSV columns are the fields of the JSON item (nested
// objects flattened as `respondent.email`), so a list's CSV is never a second presentation to
// keep in step with the first.

/** Rows a CSV answer reads per query: memory holds one batch, whatever the list's size. */
export const CSV_BATCH = 1000;

/** The window of a list a service reads: the rows after the key `after`, at most `limit`. */
export interface Window {
  after?: string;
  limit: number;
}

export interface ListSpec<Row, Item> {
  /** Reads one window of the list: the list's service, with the caller's principal and filters. */
  read: (window: Window) => Promise<Row[]>;
  /** The key of a row, which the next window starts after (what the cursor carries). */
  key: (row: Row) => string;
  /** The list's cursor kind; default: uuid ids. */
  codec?: CursorCodec;
  /** The item as the API answers it; default: the row itself. */
  present?: (row: Row) => Item;
  /** The item's schema: its fields are the CSV's columns, in order. */
  item: z.ZodType;
  /** The CSV file's name (`<name>.csv`). */
  name: string;
  /** CSV columns other than the item's fields: a CSV contract older than the JSON list. */
  columns?: readonly string[];
  /** CSV unless JSON is asked for: a list that answered only CSV before it answered JSON. */
  csvByDefault?: boolean;
}

/** The `q` of a media range in an Accept header, or undefined when the type is not named. */
function quality(accept: string, type: string): number | undefined {
  let best: number | undefined;
  for (const range of accept.split(',')) {
    const [name, ...params] = range.trim().toLowerCase().split(';');
    if (name?.trim() !== type) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(value)) best = Math.max(best ?? 0, value);
  }
  return best;
}

/**
 * Whether the caller asked for CSV: Accept names text/csv (q > 0) at least as high as
 * application/json. `csvByDefault`: CSV unless application/json is preferred.
 */
export function wantsCsv(accept: string | undefined, csvByDefault = false): boolean {
  const csv = quality(accept ?? '', 'text/csv');
  const json = quality(accept ?? '', 'application/json');
  if (csvByDefault) return !(json !== undefined && json > 0 && json > (csv ?? 0));
  return csv !== undefined && csv > 0 && csv >= (json ?? 0);
}

type Unwrappable = { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType> } } };

/** The schema under optional, nullable, default and transform wrappers. */
function unwrap(schema: z.ZodType): Unwrappable['_zod']['def'] {
  let def = (schema as unknown as Unwrappable)._zod.def;
  for (;;) {
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    if (!inner || !['optional', 'nullable', 'default', 'pipe', 'readonly', 'catch', 'prefault', 'nonoptional'].includes(def.type)) return def;
    def = (inner as unknown as Unwrappable)._zod.def;
  }
}

/** The CSV columns of an item schema: its fields in order, nested objects as `parent.child`. */
export function csvColumnsOf(schema: z.ZodType, prefix = ''): string[] {
  const def = unwrap(schema);
  if (def.type !== 'object' || !def.shape) return [prefix];
  return Object.entries(def.shape).flatMap(([name, field]) => csvColumnsOf(field, prefix ? `${prefix}.${name}` : name));
}

/** The value of a column in an item: `a.b` walks into objects; arrays and objects left are JSON. */
function cell(item: unknown, column: string): string {
  let value: unknown = item;
  for (const part of column.split('.')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part];
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return csvField(JSON.stringify(value));
  return csvField(value);
}

/** Every row of the list from the first window on, one window of CSV_BATCH rows read at a time. */
async function* everyRow<Row>(spec: ListSpec<Row, unknown>, first: Row[]): AsyncGenerator<Row> {
  let batch = first;
  for (;;) {
    yield* batch;
    const last = batch[batch.length - 1];
    if (batch.length < CSV_BATCH || last === undefined) return;
    batch = await spec.read({ after: spec.key(last), limit: CSV_BATCH });
  }
}

/**
 * Answers a list request: the page the query asks for as JSON, or, when the caller accepts
 * text/csv, every row matching the filters as a streamed CSV file. The first window is read before
 * anything is answered, so a list that refuses (out of scope: 404; allotments off: 409) answers
 * problem+json either way; the rest is read batch by batch as the client takes it, so a CSV of any
 * size takes constant memory and holds no database connection between batches.
 */
export async function answerList<Row, Item = Row>(c: Context<AppEnv>, q: { cursor?: string; limit: number }, spec: ListSpec<Row, Item>): Promise<Response> {
  const present = spec.present ?? ((r: Row) => r as unknown as Item);
  c.header('Vary', 'Accept');
  if (!wantsCsv(c.req.header('accept'), spec.csvByDefault)) {
    const rows = await spec.read({ after: q.cursor, limit: q.limit + 1 });
    const result = page(rows, q.limit, spec.key, spec.codec ?? ID_CURSOR);
    return c.json({ items: result.items.map(present), nextCursor: result.nextCursor }, 200);
  }
  const columns = spec.columns ?? csvColumnsOf(spec.item);
  const first = await spec.read({ limit: CSV_BATCH });
  const rows = everyRow(spec, first);
  const line = (row: Row) => {
    const item = present(row);
    return `${columns.map((col) => cell(item, col)).join(',')}\r\n`;
  };
  const body = streamOf(`${columns.join(',')}\r\n`, rows, line, '');
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${spec.name}.csv"` });
}

/**
 * The 200 answer of a list in the OpenAPI document: a page as JSON, or every matching row as CSV
 * (Accept: text/csv) with the item's fields as columns.
 */
export function listAnswer<T extends z.ZodType>(item: T, o: { description?: string; columns?: readonly string[] } = {}) {
  const columns = o.columns ?? csvColumnsOf(item);
  return {
    description: o.description ?? 'A page of the list (JSON), or every row matching the filters (Accept: text/csv)',
    content: {
      'application/json': { schema: listOf(item) },
      'text/csv': { schema: z.string().openapi({ description: `Columns: ${columns.join(', ')}`, example: `${columns.join(',')}\r\n` }) },
    },
  };
}
