import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../context';

const require = createRequire(import.meta.url);
const own = (name: string) => readFileSync(fileURLToPath(new URL(`./assets/${name}`, import.meta.url)), 'utf8');

// Every asset comes from this app: the portal works on a machine without internet, and its
// Content-Security-Policy allows nothing else.
const ASSETS: Record<string, { type: string; body: string }> = {
  'htmx.min.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8') },
  'portal.js': { type: 'text/javascript; charset=utf-8', body: own('portal.js') },
  'portal.css': { type: 'text/css; charset=utf-8', body: own('portal.css') },
};

export function assetRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.text('Not found', 404);
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' });
  });
  return r;
}
