// The API process of the benchmark: the real app, plus P2's baseline, a bare Hono route doing
// one trivial postgres.js query on the same pool, served by the same HTTP server (listenHttp,
// with the documented HTTP limits, as npm start and npm run api serve).
import { Hono } from 'hono';
import { createApp } from '../api/app';
import { listenHttp } from '../src/composition/http-server';
import { loadConfig } from '../src/config';
import { announce, benchServices } from './services';

const { services, close } = await benchServices();
// Respondents and redeemers come through a proxy on this machine, each from their own address.
const app = createApp({ ...services, config: { ...services.config, TRUSTED_PROXIES: ['127.0.0.1'], MAX_BODY_BYTES: 8 * 1024 * 1024 } });
const bare = new Hono().get('/bench/bare', async (c) => c.json((await services.sql`select 1 as one`)[0]));
const http = await listenHttp((req) => (req.url.endsWith('/bench/bare') ? bare.fetch(req) : app.fetch(req)), { port: 0, hostname: '127.0.0.1', limits: loadConfig({}) });
announce(`ready ${http.port}`, async () => {
  await http.close();
  await close();
});
