import { z } from '@hono/zod-openapi';

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

export const PageQuery = z.object({
  cursor: z.string().optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Fetch limit + 1 rows, answer limit and a cursor when there is more. */
export function page<T>(rows: T[], limit: number, cursorOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
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
export const IsoDate = z.iso.date();
