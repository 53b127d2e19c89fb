import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type ApiResult, type TestStack } from '../support/stack';
import { openApiDocument, operations, type Operation } from './openapi';

// One platform rule for the body of every POST, PUT and PATCH route (api/input.ts bodyGate),
// held over every such operation of the OpenAPI document: an empty body is no body, whatever JSON
// type it is labelled with; a body needs a type the route takes (415 otherwise).

const doc = await openApiDocument();
const ops = operations(doc).filter((op) => ['POST', 'PUT', 'PATCH'].includes(op.method));
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/merge-patch+json', 'application/vnd.partnerflow+json'];

/** Every path parameter filled with an id that names nothing: no operation changes anything. */
const pathOf = (op: Operation) => op.path.replace(/\{[^}]+\}/g, () => randomUUID());

const answer = (res: ApiResult) => ({ status: res.status, code: typeof res.body === 'object' ? res.body?.code : undefined });

describe('request bodies and their Content-Type, on every POST, PUT and PATCH route', () => {
  let s: TestStack;
  beforeAll(async () => {
    // Unknown ids on public routes would otherwise be throttled as guessing after 20 a minute.
    s = await startTestStack({ worker: false, rateLimits: { failedLookupsPerMinute: 1_000_000 } });
  });
  afterAll(async () => s?.close());

  it('covers the whole surface', () => {
    expect(ops.length).toBeGreaterThan(40);
    expect(ops.map((o) => o.key)).toContain('POST /v1/sales/{id}/approve');
  });

  it.each(ops.map((op) => [op.key, op] as const))('%s: an empty body with any JSON Content-Type is no body', async (_key, op) => {
    const path = pathOf(op);
    const baseline = answer(await s.call(op.method, path));
    expect(baseline.status).toBeLessThan(500);
    expect(baseline.code).not.toBe('MALFORMED_JSON');
    expect(baseline.code).not.toBe('UNSUPPORTED_MEDIA_TYPE');
    for (const type of JSON_TYPES) {
      expect({ type, ...answer(await s.call(op.method, path, { raw: '', headers: { 'content-type': type } })) }).toEqual({ type, ...baseline });
    }
    expect(answer(await s.call(op.method, path, { raw: ' \n', headers: { 'content-type': 'application/json' } }))).toEqual(baseline);
  });

  it.each(ops.map((op) => [op.key, op] as const))('%s: a body of a type it does not take, or of no type, is 415', async (_key, op) => {
    const path = pathOf(op);
    const accepted = Object.keys(op.body).length ? Object.keys(op.body) : ['no body'];
    const xml = await s.call(op.method, path, { raw: '<name>X</name>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    expect(xml.headers.get('content-type')).toBe('application/problem+json');
    expect(xml.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', accepted });
    // A Buffer goes out without a Content-Type.
    const untyped = await s.call(op.method, path, { raw: Buffer.from('{"name":"X"}') });
    expect(untyped.status).toBe(415);
    expect(untyped.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', accepted });
  });

  it('a route that takes no body takes {} as none and refuses anything else', async () => {
    const bodiless = ops.filter((op) => Object.keys(op.body).length === 0);
    expect(bodiless.length).toBeGreaterThan(0);
    for (const op of bodiless) {
      const path = pathOf(op);
      const baseline = answer(await s.call(op.method, path));
      expect(answer(await s.call(op.method, path, { body: {} }))).toEqual(baseline);
      const extra = await s.call(op.method, path, { body: { reason: 'x' } });
      expect(extra.status).toBe(400);
      expect(extra.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body' }] });
    }
  });

  it('a body-less POST with Content-Type: application/json does its work (a token for a user)', async () => {
    const user = await s.call('POST', '/v1/users', { body: { email: `bodyless-${randomUUID()}@example.test`, name: 'Body Less', role: 'approver' } });
    expect(user.status).toBe(201);
    const token = await s.call('POST', `/v1/users/${user.body.id}/tokens`, { raw: '', headers: { 'content-type': 'application/json' } });
    expect(token.status).toBe(201);
    expect(token.body.token).toMatch(/^pf_/);
    const me = await s.call('GET', '/v1/settings', { token: token.body.token });
    expect(me.status).toBe(200);
  });
});
