import type { Context } from 'hono';
import { ServiceError } from '@temporalio/client';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { excerpt } from '../src/domain/input';
import { AppError, PROBLEM_MEMBERS } from '../src/errors';
import type { AppEnv } from './context';
import { MAX_ISSUES } from './input';

const PROBLEM_BASE = 'https://partnerflow.dev/problems/';

const RESERVED = new Set<string>(PROBLEM_MEMBERS);

/**
 * An extra member under a reserved name (possible only past the compiler, e.g. a cast) keeps its
 * value under `extension<Name>` (`status` → `extensionStatus`): RFC 9457's members keep their meaning.
 */
export function problemExtras(extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(extra)) {
    out[RESERVED.has(name) ? `extension${name[0]!.toUpperCase()}${name.slice(1)}` : name] = value;
  }
  return out;
}

export function problemBody(err: AppError, instance: string, requestId?: string) {
  return {
    ...problemExtras(err.extra),
    type: PROBLEM_BASE + err.code.toLowerCase().replace(/_/g, '-'),
    title: err.title,
    status: err.status,
    detail: err.message,
    code: err.code,
    instance,
    ...(requestId && { requestId }),
  };
}

/**
 * 400 VALIDATION_FAILED naming each failing field. Paths and messages are excerpts (a 100 KB field
 * name is not echoed back), and at most MAX_ISSUES problems are listed.
 */
export function validationError(error: ZodError, where = 'body'): AppError {
  const errors = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys ?? [] : [];
    const path = [...issue.path.map(String), ...(keys.length === 1 ? keys : [])].join('.');
    const message = keys.length ? `Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.map((k) => `"${excerpt(k, 40)}"`).join(', ')}` : issue.message;
    return { path: excerpt(path || (keys.length > 1 ? keys.map((k) => excerpt(k, 40)).join(',') : where)), message: excerpt(message) };
  });
  const fields = excerpt([...new Set(errors.map((e) => e.path))].join(', '), 300);
  return new AppError('VALIDATION_FAILED', `Invalid ${where}: ${fields}`, { errors });
}

/** Maps anything thrown to problem+json; unexpected errors are logged and their text hidden. */
export function toProblem(err: unknown, c: Context<AppEnv>): Response {
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (err instanceof ZodError) appError = validationError(err);
  else if (err instanceof HTTPException) {
    if (err.status === 413) appError = new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    else if (err.status === 400 && /json/i.test(err.message)) appError = new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
    else if (err.status === 415) appError = new AppError('UNSUPPORTED_MEDIA_TYPE', 'This route does not take a body of this Content-Type');
    else if (err.status === 401) appError = new AppError('UNAUTHENTICATED', err.message || 'Authentication required');
    else if (err.status < 500) appError = new AppError('VALIDATION_FAILED', err.message || 'Bad request');
    else appError = new AppError('INTERNAL', 'An internal error occurred');
  } else if (isTransient(err)) {
    c.var.log?.warn({ err }, 'backing service busy or unreachable');
    c.header('Retry-After', '1');
    appError = new AppError('UNAVAILABLE', 'A backing service is busy or unreachable; nothing was changed. Try again.');
  } else if (isUniqueViolation(err)) {
    appError = new AppError('CONFLICT', 'A record with these values already exists');
  } else if (isDataException(err)) {
    // The last line of defence behind api/input.ts: a value PostgreSQL refused (out of range,
    // not a date, a character it cannot store). Its transaction rolled back, so nothing changed.
    c.var.log?.warn({ err: { code: (err as { code: string }).code, message: (err as Error).message } }, 'input refused by the database');
    appError = new AppError('VALIDATION_FAILED', 'A value in the request is out of range or cannot be stored; nothing was changed', {
      errors: [{ path: 'request', message: DATA_EXCEPTIONS[(err as { code: string }).code] ?? 'a value the database cannot store' }],
    });
  } else {
    c.var.log?.error({ err }, 'unhandled error');
    appError = new AppError('INTERNAL', 'An internal error occurred');
  }
  if (appError.status >= 500 && appError.code !== 'INTERNAL' && appError.code !== 'UNAVAILABLE') c.var.log?.error({ err }, 'server error');
  // A refusal that says how long to wait (RATE_LIMITED) says it in the header clients look at too.
  if (typeof appError.extra.retryAfter === 'number') c.header('Retry-After', String(appError.extra.retryAfter));
  const body = problemBody(appError, new URL(c.req.url).pathname, c.var.requestId);
  return c.body(JSON.stringify(body), appError.status as 400, { 'content-type': 'application/problem+json' });
}

// gRPC DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE: Temporal overloaded or out of reach.
const TRANSIENT_GRPC = new Set([4, 8, 14]);

function isTransient(err: unknown): boolean {
  const inner = err instanceof ServiceError ? err.cause : err;
  return typeof inner === 'object' && inner !== null && TRANSIENT_GRPC.has((inner as { code?: number }).code as number);
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

// PostgreSQL class 22 (data exception) codes a client's value can cause, with what to tell the client.
const DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'a text value is too long',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a text value contains a character that cannot be stored',
  '22P02': 'a value is not of the expected type',
  '22P05': 'a text value contains a character that cannot be stored',
};

function isDataException(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  // postgres.js errors carry `severity` and a five-character SQLSTATE in `code`.
  return typeof code === 'string' && code in DATA_EXCEPTIONS && 'severity' in (err as object);
}
