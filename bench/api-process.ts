// The API process of the benchmark: the real app, plus P2's baseline, a bare Hono route doing
// one trivial postgres.js query on the same pool, served by the same HTTP server.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../api/app';
import { announce, benchServices } from './services';

const { services, close } = await benchServices();
// Respondents and redeemers come through a proxy on this machine, each from their own address.
const app = createApp({ ...services, config: { ...services.config, TRUSTED_PROXIES: ['127.0.0.1'], MAX_BODY_BYTES: 8 * 1024 * 1024 } });
const bare = new Hono().get('/bench/bare', async (c) => c.json((await services.sql`select 1 as one`)[0]));
const server = serve({ fetch: (req, env) => (req.url.endsWith('/bench/bare') ? bare.fetch(req, env) : app.fetch(req, env)), port: 0, hostname: '127.0.0.1' });
await new Promise<void>((ok) => server.once('listening', () => ok()));
announce(`ready ${(server.address() as AddressInfo).port}`, async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
  await close();
});
