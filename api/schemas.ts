import { z } from '@hono/zod-openapi';
import { ID_CURSOR, MAX_CURSOR_LENGTH, type CursorCodec } from '../src/domain/cursor';

export const Uuid = z.uuid();
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
  })
  .passthrough()
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: Problem } };

/** The error answers every route may give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  const all = [400, 401, ...statuses];
  return Object.fromEntries(all.map((s) => [s, { description: 'Problem (RFC 9457)', content: problemContent }]));
}

/**
 * `?cursor=&limit=` of a list whose cursors `codec` issues: `cursor` arrives as the key it names
 * (src/domain/cursor.ts); anything the list did not issue is 400 VALIDATION_FAILED naming `cursor`.
 */
export function pageQuery(codec: CursorCodec) {
  return z.object({
    cursor: z
      .string()
      .max(MAX_CURSOR_LENGTH)
      .transform((text, ctx) => {
        const key = codec.decode(text);
        if (key === undefined) ctx.addIssue({ code: 'custom', message: 'not a cursor this list issued: pass nextCursor back unchanged' });
        return key ?? '';
      })
      .optional()
      .openapi({ type: 'string', description: 'nextCursor of the previous page (opaque)' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });
}

/** The page query of a list ordered by uuid `id`, the usual case. */
export const PageQuery = pageQuery(ID_CURSOR);

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Fetch limit + 1 rows, answer limit and a cursor (made by `codec`) when there is more. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => string, codec: CursorCodec = ID_CURSOR) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? codec.encode(keyOf(last)) : null };
}

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const Money = z.object({ amount: z.number().int(), currency: z.string().length(3) }).openapi('Money');
export const Currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO-4217 code such as EUR')
  .transform((s) => s.toUpperCase());
/** YYYY-MM-DD; the years 0001–9999 are enforced for every date by the platform (api/input.ts). */
export const IsoDate = z.iso.date();
