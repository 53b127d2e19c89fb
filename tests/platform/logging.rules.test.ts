import { generateSecretsKey } from '../../src/domain/secret-box';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { createLogger, logFormat } from '../../src/logger';
import { summariseBuildOutput } from '../../src/tools/resolve';

/** A logger writing into a string, as it would write to stdout. */
function captured(format: 'pretty' | 'json', colorize = false) {
  let out = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const logger = createLogger('info', { format, colorize, destination });
  return { logger, lines: () => out.split('\n').filter(Boolean) };
}

describe('log format', () => {
  const dev = loadConfig({});
  const production = loadConfig({ NODE_ENV: 'production', SECRETS_KEY: generateSecretsKey() });

  it('is pretty on a terminal and JSON off one, outside production', () => {
    expect(logFormat(dev, true)).toBe('pretty');
    expect(logFormat(dev, false)).toBe('json');
    expect(logFormat(loadConfig({ NODE_ENV: 'test' }), true)).toBe('pretty');
  });

  it('is JSON in production, terminal or not', () => {
    expect(logFormat(production, true)).toBe('json');
    expect(logFormat(production, false)).toBe('json');
  });

  it('is what LOG_FORMAT says when it is set', () => {
    expect(logFormat(loadConfig({ LOG_FORMAT: 'json' }), true)).toBe('json');
    expect(logFormat(loadConfig({ LOG_FORMAT: 'pretty' }), false)).toBe('pretty');
    expect(logFormat(loadConfig({ LOG_FORMAT: 'pretty', NODE_ENV: 'production', SECRETS_KEY: generateSecretsKey() }), false)).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: '' }).LOG_FORMAT).toBeUndefined();
  });

  it('refuses any other LOG_FORMAT, naming it', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('log lines', () => {
  it('in JSON: one object a line with the fields, secrets redacted', () => {
    const { logger, lines } = captured('json');
    logger.child({ component: 'api', requestId: 'r-1' }).info({ method: 'GET', path: '/v1/sales', status: 200, ms: 4 }, 'request');
    logger.warn({ token: 'pf_secret_value' }, 'token seen');
    const parsed = lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ level: 30, component: 'api', requestId: 'r-1', method: 'GET', path: '/v1/sales', status: 200, ms: 4, msg: 'request' });
    expect(parsed[1]).toMatchObject({ level: 40, token: '[redacted]', msg: 'token seen' });
  });

  it('pretty: one readable line each, time and level first, a request as method, path, status and duration', () => {
    const { logger, lines } = captured('pretty');
    logger.info({ dir: '/data/postgres' }, 'starting embedded PostgreSQL');
    const api = logger.child({ component: 'api', requestId: 'r-1' });
    api.info({ method: 'GET', path: '/v1/sales', status: 200, ms: 4 }, 'request');
    api.info({ method: 'POST', path: '/v1/sales', status: 422, ms: 9 }, 'request');
    logger.warn({ token: 'pf_secret_value' }, 'token seen');
    const out = lines();
    expect(out).toHaveLength(4);
    for (const line of out) expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] (INFO|WARN): /);
    expect(out[0]).toContain('INFO: starting embedded PostgreSQL {"dir":"/data/postgres"}');
    // A successful request: no JSON behind it, no request id.
    expect(out[1]).toMatch(/INFO: \[api\] GET \/v1\/sales → 200 \(4 ms\)$/);
    // A refused one carries its request id, the one its problem+json answer names.
    expect(out[2]).toMatch(/INFO: \[api\] POST \/v1\/sales → 422 \(9 ms\) request r-1$/);
    expect(out[3]).toContain('WARN: token seen {"token":"[redacted]"}');
    expect(out.join('\n')).not.toContain('pf_secret_value');
  });

  it('pretty on a colour terminal: levels and statuses in colour', () => {
    const { logger, lines } = captured('pretty', true);
    logger.child({ component: 'api' }).info({ method: 'GET', path: '/v1/sales', status: 500, ms: 1 }, 'request');
    const [line] = lines();
    expect(line).toContain('\x1b[32mINFO\x1b[39m');
    expect(line).toContain('\x1b[31m→ 500');
  });
});

describe('the first start building the Temporal CLI', () => {
  it('sums up the Go toolchain\'s download list in one line', () => {
    const output = ['go: downloading go.temporal.io/server v1.29.1', 'go: downloading github.com/a/b v1.0.0', 'go: downloading github.com/c/d v2.1.0', ''].join('\n');
    expect(summariseBuildOutput(output)).toBe('3 modules downloaded');
    expect(summariseBuildOutput('go: downloading x v1\n')).toBe('1 module downloaded');
    expect(summariseBuildOutput('')).toBe('nothing downloaded');
  });
});
