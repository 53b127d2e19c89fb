import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { validationError } from './problem';

/** The app every route file registers on; route files import this type, never the route index. */
export type Router = OpenAPIHono<AppEnv>;

export function createRouter(): Router {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target === 'json' ? 'body' : result.target);
    },
  });
}
