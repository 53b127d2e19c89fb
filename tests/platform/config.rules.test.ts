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
