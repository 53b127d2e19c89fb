import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { assertStorable } from './input';
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

/**
 * Every route's input goes through the same hook: the route's zod schema (400 naming each field),
 * then the platform's rules (api/input.ts) on what the schema accepted, so no route can let a
 * NUL, a lone surrogate, an integer beyond its column or year 0 through to the database.
 */
export function createRouter(): Router {
  const app = new OpenAPIHono<AppEnv>();
  const register = app.openapi.bind(app);
  app.openapi = ((route: RouteConfig, handler: never, hook?: never) =>
    register(
      route as never,
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
