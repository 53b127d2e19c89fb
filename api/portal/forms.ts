import type { Context } from 'hono';
import { ZodError, type z } from 'zod';
import { AppError } from '../../src/errors';
import type { AppEnv } from '../context';
import { validationError } from '../problem';

/** What a failed action shows: the problem+json's title and detail, and a message per field. */
export interface FormProblem {
  code: string;
  title: string;
  detail: string;
  status: number;
  /** By form field name: the API's `errors[].path` (dots for nesting, as the API names them). */
  fields: Record<string, string>;
}

/**
 * The problem a thrown error means to the person at the form: exactly what the API would answer
 * (its `detail`, and each `errors[]` entry next to its field). Anything that is not the product's
 * own error is rethrown: the portal's error page hides its text, as the API's 500 does.
 */
export function problemOf(err: unknown): FormProblem {
  const app = err instanceof ZodError ? validationError(err) : err;
  if (!(app instanceof AppError)) throw err;
  const fields: Record<string, string> = {};
  const errors = (app.extra as { errors?: { path: string; message: string }[] }).errors ?? [];
  for (const e of errors) fields[e.path] ??= e.message;
  return { code: app.code, title: app.title, detail: app.message, status: app.status, fields };
}

/** Runs an action; a product error becomes the problem to show instead of a thrown error. */
export async function attempt<T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problem: FormProblem }> {
  try {
    return { ok: true, value: await action() };
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  }
}

/** A submitted form's text fields (files apart), without the fields every form carries (`Csrf`). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf' && k !== '_once') out[k] = v;
  return out;
}

/** An uploaded file of a multipart form, or undefined. */
export async function formFile(c: Context<AppEnv>, name: string): Promise<File | undefined> {
  const v = (await c.req.parseBody())[name];
  return v instanceof File ? v : undefined;
}

/**
 * Parses form text with one of the API's own zod schemas: the portal accepts exactly what the
 * API accepts. Empty fields count as absent; `numbers` are converted first (forms send text).
 */
export function parseWith<S extends z.ZodType>(schema: S, fields: Record<string, string>, opts: { numbers?: string[]; booleans?: string[] } = {}): z.infer<S> {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v.trim() === '') continue;
    if (opts.numbers?.includes(k)) input[k] = /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;
    else if (opts.booleans?.includes(k)) input[k] = v === 'on' || v === 'true';
    else input[k] = v;
  }
  for (const b of opts.booleans ?? []) input[b] ??= false;
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
