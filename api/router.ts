import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { assertStorable, bodyGate } from './input';
import { validationError } from './problem';

/** The app every route file registers on; route files import this type, never the route index. */
export type Router = OpenAPIHono<AppEnv>;

const WHERE: Record<string, string> = { json: 'body', form: 'body', param: 'path', query: 'query', header: 'header', cookie: 'cookie' };

/** The schema a route declared for one validation target. */
function schemaFor(route: RouteConfig, target: string): z.ZodType | undefined {
  const request = route.request;
  if (!request) return undefined;
  if (target === 'query') return request.query as z.ZodType | undefined;
  if (target === 'param') return request.params as z.ZodType | undefined;
  if (target === 'header') return request.headers as z.ZodType | undefined;
  if (target === 'json' || target === 'form') {
    const content = request.body?.content ?? {};
    const type = Object.keys(content).find((t) => (target === 'json' ? /json/i.test(t) : /form/i.test(t)));
    return type ? ((content[type] as { schema?: z.ZodType } | undefined)?.schema) : undefined;
  }
  return undefined;
}

const TAKES_BODY = new Set(['post', 'put', 'patch']);

/** The route with the platform's body gate (api/input.ts bodyGate) in front of its own middleware and validators. */
function gated(route: RouteConfig): RouteConfig {
  if (!TAKES_BODY.has(route.method)) return route;
  const own = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];
  const content = route.request?.body?.content ?? {};
  const declared = Object.keys(content);
  // A JSON body with a zod schema is parsed and validated; one described by a plain JSON schema is read raw.
  const validatesJson = declared.some((type) => /json/i.test(type) && (content[type] as { schema?: object } | undefined)?.schema instanceof z.ZodType);
  return { ...route, middleware: [bodyGate(declared, { validatesJson }), ...own] as RouteConfig['middleware'] };
}

/**
 * Every route's input goes through the same hook: the route's zod schema (400 naming each field),
 * then the platform's rules (api/input.ts) on what the schema accepted, so no route can let a
 * NUL, a lone surrogate, an integer beyond its column or year 0 through to the database. Every
 * POST, PUT and PATCH route's body passes the same Content-Type gate first.
 */
export function createRouter(): Router {
  const app = new OpenAPIHono<AppEnv>();
  const register = app.openapi.bind(app);
  app.openapi = ((route: RouteConfig, handler: never, hook?: never) =>
    register(
      gated(route) as never,
      handler,
      hook ??
        (((result: { success: boolean; error?: z.ZodError; data?: unknown; target: string }) => {
          const where = WHERE[result.target] ?? result.target;
          if (!result.success) throw validationError(result.error!, where);
          assertStorable(schemaFor(route, result.target), result.data, where);
        }) as never),
    )) as typeof app.openapi;
  return app;
}
