import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compress } from 'hono/compress';
import type { Router } from './router';

/**
 * `/docs`: Swagger UI from the pinned `swagger-ui-dist` package, served by the API itself, so
 * the reference works on a machine without internet and never loads code from a CDN.
 */
const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const version = (JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8')) as { version: string }).version;

/** The files of the package the page uses, by the name they are served under. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/** Versioned paths: a new swagger-ui-dist gets new URLs, so browsers may keep these for good. */
const asset = (file: string) => `/docs/assets/${version}/${file}`;

// Started by the page's own script (not inline, so the page's CSP can forbid inline scripts).
// No validator badge (validatorUrl: null): it would send the document to a public validator.
const INIT = `window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.specUrl,
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  displayRequestDuration: true,
  filter: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>partnerflow API</title>
  <link rel="stylesheet" href="${asset('swagger-ui.css')}">
  <link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}" sizes="32x32">
  <link rel="icon" type="image/png" href="${asset('favicon-16x16.png')}" sizes="16x16">
</head>
<body>
  <div id="swagger-ui" data-spec-url="/openapi.json"></div>
  <script src="${asset('swagger-ui-bundle.js')}"></script>
  <script src="/docs/assets/init.js"></script>
</body>
</html>
`;

// The page may load only what this API serves: a stray CDN or validator URL is blocked, not fetched.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function registerDocs(app: Router) {
  const files = new Map(Object.keys(ASSETS).map((file) => [file, readFileSync(join(dist, file))]));
  app.get('/docs', (c) => c.html(PAGE, 200, { 'content-security-policy': CSP, 'cache-control': 'no-cache' }));
  app.use('/docs/assets/*', compress());
  app.get('/docs/assets/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  app.get(`/docs/assets/${version}/:file`, (c) => {
    const file = c.req.param('file');
    const body = files.get(file);
    if (!body) return c.notFound();
    return c.body(new Uint8Array(body), 200, { 'content-type': ASSETS[file]!, 'cache-control': 'public, max-age=31536000, immutable' });
  });
}
