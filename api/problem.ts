import type { Context } from 'hono';
import { ServiceError } from '@temporalio/client';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError } from '../src/errors';
import type { AppEnv } from './context';

const PROBLEM_BASE = 'https://partnerflow.dev/problems/';

export function problemBody(err: AppError, instance: string, requestId?: string) {
  return {
    type: PROBLEM_BASE + err.code.toLowerCase().replace(/_/g, '-'),
    title: err.title,
    status: err.status,
    detail: err.message,
    code: err.code,
    instance,
    ...(requestId && { requestId }),
    ...err.extra,
  };
}

export function validationError(error: ZodError, where = 'body'): AppError {
  const errors = error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys ?? [] : [];
    const path = [...issue.path.map(String), ...(keys.length === 1 ? keys : [])].join('.');
    return { path: path || (keys.length > 1 ? keys.join(',') : where), message: issue.message };
  });
  const fields = [...new Set(errors.map((e) => e.path))].join(', ');
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
    else if (err.status === 401) appError = new AppError('UNAUTHENTICATED', err.message || 'Authentication required');
    else if (err.status < 500) appError = new AppError('VALIDATION_FAILED', err.message || 'Bad request');
    else appError = new AppError('INTERNAL', 'An internal error occurred');
  } else if (isTransient(err)) {
    c.var.log?.warn({ err }, 'backing service busy or unreachable');
    c.header('Retry-After', '1');
    appError = new AppError('UNAVAILABLE', 'A backing service is busy or unreachable; nothing was changed. Try again.');
  } else if (isUniqueViolation(err)) {
    appError = new AppError('CONFLICT', 'A record with these values already exists');
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
