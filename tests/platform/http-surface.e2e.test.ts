import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

describe('health, readiness, docs and metrics', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack({ worker: false });
  });
  afterAll(async () => s?.close());

  it('reports the process up and the database and Temporal reachable', async () => {
    expect((await s.call('GET', '/health', { token: null })).body).toEqual({ status: 'ok' });
    const ready = await s.call('GET', '/ready', { token: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', temporal: 'ok' } });
  });

  it('serves an OpenAPI 3.1 document covering the platform routes, and the interactive reference', async () => {
    const doc = await s.call('GET', '/openapi.json', { token: null });
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of ['/v1/settings', '/v1/organizations', '/v1/organizations/{id}', '/v1/users', '/v1/users/{id}/tokens', '/v1/tokens/{id}', '/v1/audit']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(doc.body.components.schemas.Problem).toBeDefined();
    const docs = await s.call('GET', '/docs', { token: null });
    expect(docs.status).toBe(200);
    expect(docs.body).toContain('/openapi.json');
  });

  it('exposes Prometheus metrics labelled by route pattern', async () => {
    await s.call('GET', '/v1/organizations/00000000-0000-4000-8000-000000000000');
    const metrics = await s.call('GET', '/metrics', { token: null });
    expect(metrics.body).toContain('http_request_duration_seconds_count{method="GET",route="/v1/organizations/:id",status="404"}');
    expect(metrics.body).toContain('process_cpu_seconds_total');
  });

  it('tags every answer with a request id', async () => {
    const res = await s.call('GET', '/v1/settings');
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });
});
