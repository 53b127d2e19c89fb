import { ServiceError } from '@temporalio/client';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../api/problem';
import { createLogger } from '../../src/logger';
import { startTestStack, type TestStack } from '../support/stack';

describe('errors are problem+json with stable codes and change nothing', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack({ worker: false, maxBodyBytes: 2048 });
  });
  afterAll(async () => s?.close());

  const orgCount = async () => (await s.sql`select count(*)::int as n from organizations`)[0]!.n;

  it.each([
    ['malformed JSON', { raw: '{"name":', headers: { 'content-type': 'application/json' } }, 400, 'MALFORMED_JSON', undefined],
    ['a wrong type', { body: { name: 42 } }, 400, 'VALIDATION_FAILED', 'name'],
    ['an unknown field', { body: { name: 'X', colour: 'red' } }, 400, 'VALIDATION_FAILED', 'colour'],
    ['an unknown enum value', { body: { name: 'X', package: 'platinum' } }, 400, 'VALIDATION_FAILED', 'package'],
    ['a missing field', { body: {} }, 400, 'VALIDATION_FAILED', 'name'],
    ['an oversized body', { body: { name: 'x'.repeat(5000) } }, 413, 'PAYLOAD_TOO_LARGE', undefined],
  ] as const)('%s', async (_label, request, status, code, field) => {
    const before = await orgCount();
    const res = await s.call('POST', '/v1/organizations', request as never);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status, code, instance: '/v1/organizations' });
    expect(res.body.type).toMatch(/^https:\/\//);
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
    if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await orgCount()).toBe(before);
  });

  it('answers unknown routes and unknown ids with NOT_FOUND', async () => {
    expect((await s.call('GET', '/v1/nothing-here')).body.code).toBe('NOT_FOUND');
    const res = await s.call('GET', '/v1/organizations/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect((await s.call('GET', '/v1/organizations/not-a-uuid')).status).toBe(400);
  });

  it('answers a duplicate e-mail with CONFLICT, not a database error', async () => {
    const body = { email: 'dup@example.test', name: 'Dup', role: 'approver' };
    expect((await s.call('POST', '/v1/users', { body })).status).toBe(201);
    const again = await s.call('POST', '/v1/users', { body: { ...body, email: 'DUP@example.test' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    expect(JSON.stringify(again.body)).not.toMatch(/duplicate key|users_email_idx|SQL/i);
  });
});

describe('an unexpected failure', () => {
  it('answers 500 INTERNAL and hides the message and stack', async () => {
    const app = new Hono<any>();
    app.use('*', async (c, next) => {
      c.set('log', createLogger('silent'));
      await next();
    });
    app.get('/boom', () => {
      throw new Error('relation "secret_table" does not exist at /srv/app.ts:12');
    });
    app.onError((err, c) => toProblem(err, c));
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toMatch(/secret_table|app\.ts|stack/);
  });

  it('answers 503 UNAVAILABLE with Retry-After when Temporal is overloaded or unreachable', async () => {
    const app = new Hono<any>();
    app.use('*', async (c, next) => {
      c.set('log', createLogger('silent'));
      await next();
    });
    app.post('/start', () => {
      throw new ServiceError('Failed to start Workflow', { cause: Object.assign(new Error('context deadline exceeded'), { code: 4 }) });
    });
    app.onError((err, c) => toProblem(err, c));
    const res = await app.request('/start', { method: 'POST' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { code: string }).code).toBe('UNAVAILABLE');
  });
});
