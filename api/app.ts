import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { AppError } from '../src/errors';
import { authenticate } from './auth';
import { clientIpResolver } from './client-ip';
import type { AppDeps, AppEnv } from './context';
import { registerDocs } from './docs';
import { registerPortal } from './portal/index';
import { idempotency } from './idempotency';
import { bodyGuard } from './input';
import { createMetrics } from './metrics';
import { toProblem } from './problem';
import { throttleGuessing } from './rate-limit';
import { createRouter } from './router';
import { registerRoutes } from './routes';

// Paths reachable without a bearer token: respondents use unguessable tokens or codes instead,
// Stripe proves itself with a webhook signature.
const isPublic = (path: string) => path.startsWith('/v1/public/') || path === '/v1/stripe/webhook';

/**
 * Refuses a body larger than `maxSize` (413). GET and HEAD carry none the app reads, and asking
 * for one makes @hono/node-server build a whole fetch Request: they pass straight through.
 */
function limitBody(maxSize: number, what: string): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `${what} is larger than ${maxSize} bytes`);
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

export function createApp(deps: AppDeps) {
  const app = createRouter();
  const metrics = createMetrics();
  const clientIp = clientIpResolver(deps.config.TRUSTED_PROXIES);

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('principal', null);
    let ip: string | undefined;
    c.set('clientIp', () => (ip ??= clientIp(c)));
    const log = deps.logger.child({ requestId: c.get('requestId') });
    c.set('log', log);
    const started = performance.now();
    await next();
    // A public path carries its token, code or key: log the route pattern instead (no secret in logs).
    const path = isPublic(c.req.path) ? c.req.routePath : c.req.path;
    log.info({ method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.use('*', metrics.middleware);
  app.use('/portal/*', limitBody(deps.config.MAX_BODY_BYTES, 'The form'));
  app.use('/v1/*', limitBody(deps.config.MAX_BODY_BYTES, 'The request body'));
  app.use('/v1/*', async (c, next) => (isPublic(c.req.path) ? next() : authenticate(c, next)));
  // Text that cannot be stored is refused in every body (the Stripe webhook's signed payload is its own to judge).
  app.use('/v1/*', async (c, next) => (c.req.path === '/v1/stripe/webhook' ? next() : bodyGuard(c, next)));
  app.use('/v1/*', idempotency);
  app.use('/v1/public/*', throttleGuessing);

  registerRoutes(app);

  app.get('/metrics', async (c) => c.text(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'partnerflow API',
      version: '1.0.0',
      description:
        'Allotments and price lists, reseller sales with licence keys, group subscriptions and aggregator tariffs. ' +
        'Errors are application/problem+json (RFC 9457) with a stable `code`. Every creating POST accepts an Idempotency-Key header.',
    },
    security: [{ bearer: [] }],
  });
  registerDocs(app);
  registerPortal(app);

  app.notFound((c) => toProblem(new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), c));
  app.onError((err, c) => toProblem(err, c));
  return app;
}

export type App = ReturnType<typeof createApp>;
