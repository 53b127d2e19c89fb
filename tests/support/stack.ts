import { randomBytes } from 'node:crypto';
import type { Schema } from 'partnerflow/client';
import { Worker } from '@temporalio/worker';
import Stripe from 'stripe';
import { inject } from 'vitest';
import { createActivities, type ActivityDeps } from '../../activities';
import { createApp } from '../../api/app';
import type { AppDeps } from '../../api/context';
import { listenHttp, type HttpLimits } from '../../src/composition/http-server';
import { loadConfig } from '../../src/config';
import { startHandoffDrain } from '../../src/composition/worker';
import { bootstrapAdmin } from '../../src/platform/bootstrap';
import { createLogger, type Logger } from '../../src/logger';
import { createMailer } from '../../src/mail';
import { createStripe } from '../../src/stripe';
import { connectTemporal } from '../../src/temporal/connection';
import { installTemporalRuntime } from '../../src/temporal/runtime';
import { apiClient, ok } from './client';
import { freshDatabase } from './db';
import { startSmtpListener } from './smtp';
import { createTimeSkippingEnv } from './time-skipping';

type CreateOrganization = Schema<'CreateOrganization'>;

export const WEBHOOK_SECRET = 'whsec_partnerflow_test_secret';

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface StackOptions {
  /** Leave Stripe unconfigured ("not connected"). */
  stripe?: boolean;
  /** Skip starting a worker (tests that start their own). */
  worker?: boolean;
  trustedProxies?: string[];
  maxBodyBytes?: number;
  paymentTimeoutHours?: number;
  /** PUBLIC_BASE_URL (unset by default), e.g. for Stripe Checkout's return pages. */
  publicBaseUrl?: string;
  /** Run on the time-skipping test server instead of the dev server (env.sleep skips calendar time). */
  timeSkipping?: boolean;
  /** HTTP server limits other than the defaults (a smaller connection cap, say). */
  http?: Partial<HttpLimits>;
  /** Public-endpoint limits other than the defaults. */
  rateLimits?: { failedLookupsPerMinute?: number; usesPerMinute?: number };
  /** The logger of the API, the worker and the Temporal runtime (default: TEST_LOG_LEVEL, silent). */
  logger?: Logger;
  /** Where the Stripe client goes instead of stripe-mock itself (e.g. a proxy in front of it: tests/support/stripe-proxy.ts). */
  stripeUrl?: string;
  /** A Temporal server of the test's own instead of the shared dev server (e.g. one started with other dynamic config). */
  temporalAddress?: string;
  /** WEBHOOK_ALLOW_PRIVATE (default true: the tests' webhook receivers listen on 127.0.0.1). */
  webhookAllowPrivate?: boolean;
}

/** Every setting a test does not choose is the documented default. */
const defaults = loadConfig({});

/**
 * The real system for one test file: its own database, the shared Temporal dev server with a
 * task queue of its own, a worker with the real activities, stripe-mock, a real SMTP listener,
 * and the API on a real HTTP port.
 */
export async function startTestStack(opts: StackOptions = {}) {
  const logger = opts.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  installTemporalRuntime(logger);
  const db = await freshDatabase();
  const smtp = await startSmtpListener();
  const taskQueue = `test-${randomBytes(5).toString('hex')}`;
  const env = opts.timeSkipping ? await createTimeSkippingEnv() : undefined;
  const conns = env
    ? { client: env.client, nativeConnection: async () => env.nativeConnection, close: () => env.teardown() }
    : await connectTemporal({ address: opts.temporalAddress ?? inject('temporalAddress'), TEMPORAL_NAMESPACE: 'default', TEMPORAL_TLS: false, TEMPORAL_TLS_CERT_PATH: undefined, TEMPORAL_TLS_KEY_PATH: undefined, TEMPORAL_API_KEY: undefined });
  const stripe = opts.stripe === false ? null : createStripe({ secretKey: 'sk_test_partnerflow', apiUrl: opts.stripeUrl ?? inject('stripeMockUrl') });
  const deps: ActivityDeps = {
    sql: db.sql,
    stripe,
    mail: createMailer({ smtpUrl: smtp.url, from: 'partnerflow <no-reply@partnerflow.test>', dataDir: '.test-data' }),
    logger,
    temporal: conns.client,
    taskQueue,
    config: {
      STRIPE_WEBHOOK_SECRET: stripe ? WEBHOOK_SECRET : undefined,
      PUBLIC_BASE_URL: opts.publicBaseUrl,
      PURCHASE_PAYMENT_TIMEOUT_HOURS: opts.paymentTimeoutHours ?? 24,
      RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE: opts.rateLimits?.failedLookupsPerMinute ?? defaults.RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE,
      RATE_LIMIT_USES_PER_MINUTE: opts.rateLimits?.usesPerMinute ?? defaults.RATE_LIMIT_USES_PER_MINUTE,
      WEBHOOK_ALLOW_PRIVATE: opts.webhookAllowPrivate ?? true,
      SECRETS_KEY: randomBytes(32).toString('base64'),
    },
  };

  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  let stopDrain: (() => Promise<void>) | undefined;
  const startWorker = async () => {
    worker = await Worker.create({
      connection: await conns.nativeConnection(),
      namespace: 'default',
      taskQueue,
      activities: createActivities(deps),
      workflowBundle: { codePath: inject('workflowBundlePath') },
    });
    workerRun = worker.run();
    // Like every production worker, it drains the invitation hand-offs a dead API left behind and the webhook outbox.
    stopDrain = startHandoffDrain(deps);
  };
  const stopWorker = async () => {
    if (!worker) return;
    await stopDrain?.();
    worker.shutdown();
    await workerRun;
    worker = undefined;
  };
  if (opts.worker !== false) await startWorker();

  const appDeps: AppDeps = {
    ...deps,
    config: { ...deps.config, TRUSTED_PROXIES: opts.trustedProxies ?? [], MAX_BODY_BYTES: opts.maxBodyBytes ?? 1_048_576 },
  };
  const httpLimits: HttpLimits = { ...defaults, ...opts.http };
  /** The API on a real port, on this file's database: the test's own, or another replica of it. */
  const startApi = async () => {
    const http = await listenHttp(createApp(appDeps).fetch, { port: 0, hostname: '127.0.0.1', limits: httpLimits });
    return { http, baseUrl: `http://127.0.0.1:${http.port}` };
  };
  const { http, baseUrl } = await startApi();
  const adminToken = (await bootstrapAdmin(db.sql))!;
  /** The typed client (partnerflow/client) as the admin; `apiAs(token)` as someone else, `apiAs(null)` for public endpoints. */
  const api = apiClient(baseUrl, adminToken);
  const apiAs = (token: string | null) => apiClient(baseUrl, token);

  async function call<T = any>(
    method: string,
    path: string,
    o: { token?: string | null; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token === undefined ? adminToken : o.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Buffer | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers, body });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }

  /** Creates a user with a token and returns the token. */
  async function userWithToken(input: { role: 'admin' | 'manager' | 'approver'; organizationId?: string; email?: string; assessmentIds?: string[] }) {
    const email = input.email ?? `${input.role}-${randomBytes(4).toString('hex')}@example.test`;
    const user = await ok(api.POST('/v1/users', { body: { email, name: `${input.role} user`, ...input } }), 201);
    const token = await ok(api.POST('/v1/users/{id}/tokens', { params: { path: { id: user.id } }, body: {} }), 201);
    return { userId: user.id, token: token.token, tokenId: token.id, email };
  }

  async function organization(body: CreateOrganization): Promise<string> {
    return (await ok(api.POST('/v1/organizations', { body }), 201)).id;
  }

  return {
    env,
    sql: db.sql,
    /** The test file's own database, for a connection outside the stack's pool (tests/support/races.ts) and for processes of the system started beside this stack. */
    dbUrl: db.url,
    client: conns.client,
    taskQueue,
    stripe: stripe as Stripe | null,
    smtp,
    deps,
    baseUrl,
    http,
    startApi,
    adminToken,
    api,
    apiAs,
    call,
    userWithToken,
    organization,
    startWorker,
    stopWorker,
    async close() {
      await http.close();
      await stopWorker();
      await conns.close();
      await smtp.close();
      await db.drop();
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
