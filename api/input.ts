import type { MiddlewareHandler } from 'hono';
import type { z } from '@hono/zod-openapi';
import { excerpt, INT4_MAX, INT4_MIN, integerProblem, textProblem, yearProblem } from '../src/domain/input';
import { AppError } from '../src/errors';
import type { AppEnv } from './context';

// The platform's input rules, applied to every route whatever its schemas say (docs/security.md):
// text PostgreSQL and UTF-8 can hold, integers in the database's range, dates in years 0001–9999,
// JSON no deeper than MAX_DEPTH. A route's own zod schema runs first; these run on what it accepted.

/** Deeper JSON than any route takes; refused before anything walks it recursively. */
export const MAX_DEPTH = 32;
/** A refusal names at most this many problems (a body may hold thousands). */
export const MAX_ISSUES = 20;

export interface Issue {
  path: string;
  message: string;
}

const joinPath = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

class Issues {
  readonly list: Issue[] = [];
  add(path: string, message: string) {
    if (this.list.length < MAX_ISSUES) this.list.push({ path: excerpt(path), message });
  }
  get full() {
    return this.list.length >= MAX_ISSUES;
  }
}

/** Every string and object key inside `value` that cannot be stored; too deep nesting. */
function walkText(value: unknown, path: string, where: string, issues: Issues, depth = 0): void {
  if (issues.full) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) issues.add(path || where, problem);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) {
    issues.add(path || where, `is nested more than ${MAX_DEPTH} levels deep`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkText(item, joinPath(path, i), where, issues, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = textProblem(key);
    if (problem) issues.add(joinPath(path, key), `the field name ${problem}`);
    walkText(item, joinPath(path, key), where, issues, depth + 1);
  }
}

type Schema = z.ZodType & { _zod: { def: Record<string, any> } };

/**
 * Integers and dates inside `value` (what `schema` accepted) outside the database's ranges. An
 * integer schema without its own bounds gets PostgreSQL's int4 range; one that declares a bound
 * beyond int4 (a bigint column) keeps its own.
 */
function walkRanges(schema: Schema | undefined, value: unknown, path: string, where: string, issues: Issues, depth = 0): void {
  if (!schema || value === undefined || value === null || issues.full || depth > MAX_DEPTH) return;
  const def = schema._zod.def;
  const next = (s: unknown, v: unknown, p = path) => walkRanges(s as Schema, v, p, where, issues, depth + 1);
  switch (def.type) {
    case 'number': {
      const num = schema as unknown as z.ZodNumber;
      if (typeof value === 'number' && num.isInt) {
        const min = num.minValue === Number.MIN_SAFE_INTEGER || num.minValue === null ? INT4_MIN : num.minValue;
        const max = num.maxValue === Number.MAX_SAFE_INTEGER || num.maxValue === null ? INT4_MAX : num.maxValue;
        const problem = integerProblem(value, min, max);
        if (problem) issues.add(path || where, problem);
      }
      return;
    }
    case 'string': {
      const format = (schema as unknown as { format?: string | null }).format;
      if (typeof value === 'string' && (format === 'date' || format === 'datetime')) {
        const problem = yearProblem(value);
        if (problem) issues.add(path || where, problem);
      }
      return;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return next(def.innerType, value);
    case 'pipe':
      // A transform's output has no schema of its own: read the value with the schema it came through.
      return next(def.out._zod.def.type === 'transform' ? def.in : def.out, value);
    case 'lazy':
      return next(def.getter(), value);
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => next(def.element, item, joinPath(path, i)));
      return;
    case 'object':
      if (typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, item] of Object.entries(value)) next(def.shape[key] ?? def.catchall, item, joinPath(path, key));
      }
      return;
    case 'record':
      if (typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, item] of Object.entries(value)) next(def.valueType, item, joinPath(path, key));
      }
      return;
    case 'intersection':
      next(def.left, value);
      next(def.right, value);
      return;
    case 'union': {
      // The option the value parses with; the first when several do.
      const option = (def.options as Schema[]).find((o) => o.safeParse(value).success);
      return next(option, value);
    }
    default:
      return;
  }
}

/** The platform's rules over one part of a request that its schema accepted; throws 400 VALIDATION_FAILED. */
export function assertStorable(schema: z.ZodType | undefined, value: unknown, where: string): void {
  const issues = new Issues();
  walkText(value, '', where, issues);
  walkRanges(schema as Schema | undefined, value, '', where, issues);
  if (issues.list.length) throw refusal(where, issues.list);
}

function refusal(where: string, errors: Issue[]): AppError {
  const fields = [...new Set(errors.map((e) => e.path))].join(', ');
  return new AppError('VALIDATION_FAILED', excerpt(`Invalid ${where}: ${fields}`, 300), { errors });
}

/** A text value (a header, a raw query value) that cannot be stored: 400 naming it. */
export function assertStorableText(value: string | undefined, where: string): void {
  if (value === undefined) return;
  const problem = textProblem(value);
  if (problem) throw refusal(where, [{ path: where, message: problem }]);
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const TEXT_TYPE = /^text\//i;

/**
 * Request bodies as they arrived, whatever the route does with them (a JSON body's every key and
 * string, a CSV upload's every line): text that cannot be stored is refused here, once for all
 * routes. Bodies that do not parse are left to the route (400 MALFORMED_JSON).
 */
export const bodyGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  if (JSON_TYPE.test(type)) {
    const text = await c.req.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      return next();
    }
    const issues = new Issues();
    walkText(parsed, '', 'body', issues);
    if (issues.list.length) throw refusal('body', issues.list);
  } else if (TEXT_TYPE.test(type)) {
    const text = await c.req.text();
    const at = text.indexOf('\u0000');
    if (at >= 0) {
      const line = text.slice(0, at).split('\n').length;
      throw refusal('body', [{ path: 'body', message: `line ${line} must not contain the NUL character (\\u0000)` }]);
    }
  }
  return next();
};
