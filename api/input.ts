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
/** A JSON media type as the routes' validators read one: application/json or application/<x>+json, with parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/i;

const essence = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();
const isJsonMediaType = (contentType: string) => JSON_MEDIA_TYPE.test(essence(contentType));
/** Whether a request's Content-Type is one of the media types a route declares. */
const takes = (contentType: string, declared: string) =>
  isJsonMediaType(declared) ? isJsonMediaType(contentType) : essence(contentType) === declared.toLowerCase();

const unsupported = (detail: string, declared: string[]) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', detail, { accepted: declared.length ? declared : ['no body'] });

/**
 * What every POST, PUT and PATCH route does with the Content-Type of its body, whatever the route:
 *
 * - An **empty body is no body**, whatever JSON type it is labelled with (`Content-Type:
 *   application/json` on every call, as generic clients send it): the route answers exactly as
 *   it does to a request without body and Content-Type.
 * - A **body needs a type the route takes** (`declared`, from its OpenAPI request body): another
 *   type, or none at all, answers 415 UNSUPPORTED_MEDIA_TYPE naming the types it takes.
 *   (A route that reads its body as it arrived, the Stripe webhook, gets it as it arrived.)
 * - A route that **declares no body** takes none: an empty JSON object counts as none; other
 *   JSON is 400 VALIDATION_FAILED naming `body`, anything else 415.
 */
export function bodyGate(declared: string[], o: { validatesJson: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header('content-type');
    const text = await c.req.text();
    const json = type !== undefined && isJsonMediaType(type);
    if (text.length === 0 || (json && text.trim() === '')) {
      if (type === undefined || json) {
        // The route's JSON validator reads {} instead of parsing nothing: what a request without body gets.
        if (json && o.validatesJson) (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve('{}');
        return next();
      }
    }
    const wanted = declared.length ? declared.join(' or ') : 'no body';
    if (type === undefined) throw unsupported(`A body needs a Content-Type; this route takes ${wanted}`, declared);
    if (declared.length === 0) {
      if (!json) throw unsupported(`This route takes no body; this one is ${essence(type)}`, declared);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
      }
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length === 0) return next();
      throw new AppError('VALIDATION_FAILED', 'Invalid body: this route takes no body', { errors: [{ path: 'body', message: 'this route takes no body (send none, or {})' }] });
    }
    if (!declared.some((d) => takes(type, d))) throw unsupported(`This route takes ${wanted}; the body was sent as ${excerpt(essence(type), 100)}`, declared);
    return next();
  };
}
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
