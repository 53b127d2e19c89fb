import type { MiddlewareHandler } from 'hono';
import { AppError } from '../src/errors';
import type { AppEnv } from './context';

/**
 * Fixed-window limit per client IP, per process. Public endpoints use it so guessing tokens
 * or codes is slow; behind several API replicas each replica keeps its own window.
 */
export function rateLimit(opts: { windowMs: number; max: number; name: string }): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = Date.now();
    const key = c.var.clientIp;
    let w = windows.get(key);
    if (!w || now - w.start >= opts.windowMs) {
      w = { start: now, count: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= opts.windowMs) windows.delete(k);
    }
    w.count++;
    if (w.count > opts.max) {
      c.header('Retry-After', String(Math.ceil((w.start + opts.windowMs - now) / 1000)));
      throw new AppError('RATE_LIMITED', `Too many ${opts.name} requests; try again later`);
    }
    await next();
  };
}
