import { z } from 'zod';
import { normalizeCidr } from './domain/ip';
import { parseSecretsKey } from './domain/secret-box';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** A duration in milliseconds: at least one second, at most an hour. */
const millis = (fallback: number) => z.coerce.number().int().min(1_000).max(3_600_000).default(fallback);

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Every setting the processes read, validated once at start-up. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port(3000),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** Unset: pretty on a terminal, JSON otherwise and in production (src/logger.ts, logFormat). */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  PUBLIC_BASE_URL: z.url().optional(),

  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  EMBEDDED_POSTGRES_PORT: port(54329),

  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('partnerflow'),
  TEMPORAL_TLS: bool,
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_DEV_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_URL: optionalString.pipe(z.url().optional()),

  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().min(3).default('partnerflow <no-reply@partnerflow.localhost>'),

  ADMIN_TOKEN: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((ranges) => ranges.every((r) => normalizeCidr(r).ok), 'must be a comma-separated list of IP addresses or CIDR ranges'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),

  // The HTTP server (docs/security.md, "Limits, timeouts and crash recovery").
  HTTP_HEADERS_TIMEOUT_MS: millis(10_000),
  HTTP_REQUEST_TIMEOUT_MS: millis(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: millis(5_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),

  // Public endpoints: guessing is throttled per client address, use per link, code or key.
  RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  RATE_LIMIT_USES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  // How long a stopping worker lets running activities finish (drain) before cancelling them.
  WORKER_SHUTDOWN_GRACE_MS: millis(30_000),
  PURCHASE_PAYMENT_TIMEOUT_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),

  // Secrets the platform must read back (webhook signing secrets) are sealed with this key
  // (docs/security.md): 32 bytes in base64. Unset: npm start generates one under DATA_DIR; required in production.
  SECRETS_KEY: optionalString.pipe(z.string().refine((v) => parseSecretsKey(v) !== undefined, 'must be 32 bytes in base64 (openssl rand -base64 32)').optional()),
  // Outgoing webhooks to loopback, private and link-local addresses (local development and tests only).
  WEBHOOK_ALLOW_PRIVATE: bool,
}).superRefine(crossRules, { when: () => true });

/** A setting as the cross-variable rules read it, whether or not its own rule passed: set or not, a number or not. */
const isSet = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const asNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Rules between variables. They run even when single variables are wrong (`when`), so start-up
 * names every problem at once; each reads its variables defensively (a failed one is its raw text).
 */
function crossRules(c: Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (isSet(c.TEMPORAL_TLS_CERT_PATH) !== isSet(c.TEMPORAL_TLS_KEY_PATH)) {
    const missing = isSet(c.TEMPORAL_TLS_CERT_PATH) ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together' });
  }
  if (isSet(c.STRIPE_WEBHOOK_SECRET) && !isSet(c.STRIPE_SECRET_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'set STRIPE_SECRET_KEY too, a webhook without a Stripe account is useless' });
  }
  if (c.NODE_ENV === 'production' && !isSet(c.SECRETS_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['SECRETS_KEY'], message: 'required in production: 32 bytes in base64 (openssl rand -base64 32), the same for every process' });
  }
  const headers = asNumber(c.HTTP_HEADERS_TIMEOUT_MS);
  const request = asNumber(c.HTTP_REQUEST_TIMEOUT_MS);
  if (headers !== undefined && request !== undefined && headers > request) {
    ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)' });
  }
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (PORT=) means "not set", the same for every setting.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = configSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

/** `npm run api` / `npm run worker` scale out against shared services, never embedded ones. */
export function requireExternalServices(config: Config, entry: string): void {
  const missing = [
    !config.DATABASE_URL && `DATABASE_URL: required for ${entry} (only npm start runs an embedded PostgreSQL)`,
    !config.TEMPORAL_ADDRESS && `TEMPORAL_ADDRESS: required for ${entry} (only npm start runs a Temporal dev server)`,
  ].filter((m): m is string => Boolean(m));
  if (missing.length) throw new ConfigError(missing);
}
