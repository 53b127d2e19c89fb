import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSecretsKey, SECRETS_KEY_FILE } from '../../src/composition/secrets-key';
import { generateSecretsKey } from '../../src/domain/secret-box';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireExternalServices } from '../../src/config';

describe('configuration', () => {
  it('starts with no configuration at all, on the documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('.data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.TEMPORAL_ADDRESS).toBeUndefined();
    expect(c.TEMPORAL_UI_PORT).toBe(8233);
    expect(c.TRUSTED_PROXIES).toEqual([]);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ADMIN_TOKEN: 'short', SMTP_URL: 'http://mail' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'ADMIN_TOKEN', 'SMTP_URL']) expect(message).toContain(name);
  });

  it('names every problem at once, rules between variables included, whatever else is wrong', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues.map((i) => i.split(':')[0]);
      }
      throw new Error('the configuration was accepted');
    };
    // The issue's example: two single-variable problems and one between variables.
    expect(problems({ PORT: 'abc', ADMIN_TOKEN: 'short', STRIPE_WEBHOOK_SECRET: 'x' }).sort()).toEqual(['ADMIN_TOKEN', 'PORT', 'STRIPE_WEBHOOK_SECRET']);
    expect(problems({ SMTP_URL: 'http://mail', TEMPORAL_TLS_KEY_PATH: '/k.pem', HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' }).sort()).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS',
      'SMTP_URL',
      'TEMPORAL_TLS_CERT_PATH',
    ]);
    // A timeout that is itself wrong is named once, by its own rule, not compared with the other.
    expect(problems({ HTTP_HEADERS_TIMEOUT_MS: 'soon', HTTP_REQUEST_TIMEOUT_MS: '2000' })).toEqual(['HTTP_HEADERS_TIMEOUT_MS']);
  });

  it('treats an empty variable as not set, for every setting', () => {
    const c = loadConfig({ PORT: '', LOG_LEVEL: '', SMTP_URL: ' ', DATABASE_URL: '' });
    expect(c.PORT).toBe(3000);
    expect(c.LOG_LEVEL).toBe('info');
    expect(c.SMTP_URL).toBeUndefined();
  });

  it('validates the trusted proxies at start-up, naming the variable', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8,not-an-ip' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
    expect(loadConfig({ TRUSTED_PROXIES: '::1,fd00::/8' }).TRUSTED_PROXIES).toEqual(['::1', 'fd00::/8']);
  });

  it('sets the HTTP server limits and public-endpoint limits deliberately, and checks them', () => {
    const c = loadConfig({});
    expect(c.HTTP_HEADERS_TIMEOUT_MS).toBe(10_000);
    expect(c.HTTP_REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(c.HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(5_000);
    expect(c.HTTP_MAX_CONNECTIONS).toBe(1_000);
    expect(c.RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE).toBe(20);
    expect(c.RATE_LIMIT_USES_PER_MINUTE).toBe(300);
    expect(loadConfig({ HTTP_MAX_CONNECTIONS: '50', RATE_LIMIT_USES_PER_MINUTE: '1000' })).toMatchObject({ HTTP_MAX_CONNECTIONS: 50, RATE_LIMIT_USES_PER_MINUTE: 1000 });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '0' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_MAX_CONNECTIONS: 'many' })).toThrow(/HTTP_MAX_CONNECTIONS/);
    expect(() => loadConfig({ RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });

  it('requires SECRETS_KEY (32 bytes in base64) in production, and checks it wherever it is set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_KEY: required in production/);
    const key = generateSecretsKey();
    expect(loadConfig({ NODE_ENV: 'production', SECRETS_KEY: key }).SECRETS_KEY).toBe(key);
    expect(loadConfig({}).SECRETS_KEY).toBeUndefined();
    expect(() => loadConfig({ SECRETS_KEY: 'c2hvcnQ=' })).toThrow(/SECRETS_KEY: must be 32 bytes in base64/);
    expect(loadConfig({}).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'true' }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
  });

  it('npm start keeps the key it generated under DATA_DIR when SECRETS_KEY is unset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partnerflow-key-'));
    try {
      const first = resolveSecretsKey({ DATA_DIR: dir, SECRETS_KEY: undefined });
      expect(first).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(resolveSecretsKey({ DATA_DIR: dir, SECRETS_KEY: undefined })).toBe(first);
      expect(statSync(join(dir, SECRETS_KEY_FILE)).mode & 0o777).toBe(0o600);
      const configured = generateSecretsKey();
      expect(resolveSecretsKey({ DATA_DIR: dir, SECRETS_KEY: configured })).toBe(configured);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses half a TLS pair and a webhook secret without a Stripe key', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/c.pem' })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
    expect(() => loadConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toThrow(/STRIPE_SECRET_KEY/);
  });

  it('accepts the external services and a trusted-proxy list', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/pf',
      TEMPORAL_ADDRESS: 'temporal:7233',
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_API_URL: 'http://localhost:12111',
      SMTP_URL: 'smtp://mail:25',
      TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1',
      PORT: '8080',
    });
    expect(c.PORT).toBe(8080);
    expect(c.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(() => requireExternalServices(c, 'npm run api')).not.toThrow();
  });

  it('makes the separately scaled halves name the services they need', () => {
    expect(() => requireExternalServices(loadConfig({}), 'npm run worker')).toThrow(/DATABASE_URL[\s\S]*TEMPORAL_ADDRESS/);
  });
});
