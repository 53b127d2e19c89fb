import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { errorResponses, json } from './schemas';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ResponseConfig = RouteConfig['responses'][string];

/** A success answer: a schema (answered as JSON under the status's usual description) or a full response config. */
type Answer = z.ZodType | ResponseConfig;
type Answered<A> = A extends z.ZodType ? ReturnType<typeof json<A>> : A & ResponseConfig;

const USUAL: Record<number, string> = { 200: 'OK', 201: 'Created' };

export interface RouteSpec<Req extends RouteConfig['request'], Ok extends Record<number, Answer>> {
  description?: string;
  /** `[]` for a public route (no bearer token). */
  security?: [];
  request?: Req;
  /** The success answers by status. */
  ok: Ok;
  /** The problem statuses the route answers besides 400 and 401 (which every route may). */
  errors?: number[];
}

/**
 * The routes of one part of the API, documented under its tag: a route names its method, path,
 * request, success answers and problem statuses; the tag, the problem+json answers and the usual
 * descriptions come from here, so every route states only what is its own.
 */
export function routesOf(tag: string) {
  const route =
    <M extends Method>(method: M) =>
    <P extends string, Req extends RouteConfig['request'] = undefined, Ok extends Record<number, Answer> = Record<number, Answer>>(path: P, spec: RouteSpec<Req, Ok>) => {
      const answers = Object.fromEntries(
        Object.entries(spec.ok).map(([status, a]) => [status, a instanceof z.ZodType ? json(a, USUAL[Number(status)] ?? 'OK') : a]),
      );
      return createRoute({
        method,
        path,
        tags: [tag],
        ...(spec.security && { security: spec.security }),
        ...(spec.description !== undefined && { description: spec.description }),
        request: spec.request as Req,
        // Typed by the success answers only, as a literal `{ 200: …, ...errorResponses() }` is: a
        // handler answers those; problems are thrown and answered by api/problem.ts.
        responses: { ...answers, ...errorResponses(...(spec.errors ?? [])) } as { [S in keyof Ok]: Answered<Ok[S]> },
      });
    };
  return { get: route('get'), post: route('post'), put: route('put'), patch: route('patch'), delete: route('delete') };
}
