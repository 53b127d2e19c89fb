import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from '@hono/zod-openapi';
import { assertStorableText } from '../../api/input';
import { toProblem, validationError } from '../../api/problem';
import { ALLOTMENT_CURSOR, AUDIT_CURSOR, CONTRACT_CURSOR, ID_CURSOR } from '../../src/domain/cursor';
import { excerpt, integerProblem, textProblem, yearProblem } from '../../src/domain/input';
import { createLogger } from '../../src/logger';

describe('what the database can store', () => {
  it('refuses NUL and lone surrogates, keeps every well-formed text', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\ud800')).toMatch(/surrogate/);
    expect(textProblem('x\udfff')).toMatch(/surrogate/);
    expect(textProblem('\udc00\ud800')).toMatch(/surrogate/);
    for (const fine of ['', 'Ana', '🙂 emoji', '\ud83d\ude42', 'Zoë – ümlaut', '\u202e', 'tab\tnewline\n']) expect(textProblem(fine)).toBeUndefined();
  });

  it('keeps integers in their range', () => {
    expect(integerProblem(2_147_483_647, -2_147_483_648, 2_147_483_647)).toBeUndefined();
    expect(integerProblem(2_147_483_648, -2_147_483_648, 2_147_483_647)).toMatch(/at most/);
    expect(integerProblem(-2_147_483_649, -2_147_483_648, 2_147_483_647)).toMatch(/at least/);
    expect(integerProblem(2 ** 53, 0, Number.MAX_SAFE_INTEGER)).toMatch(/database/);
  });

  it('keeps dates in the years 0001 to 9999', () => {
    expect(yearProblem('0000-01-01')).toMatch(/year/);
    expect(yearProblem('0000-12-31T23:59:59Z')).toMatch(/year/);
    expect(yearProblem('+010000-01-01')).toMatch(/year/);
    expect(yearProblem('0001-01-01')).toBeUndefined();
    expect(yearProblem('9999-12-31T23:59:59.999Z')).toBeUndefined();
  });

  it('refuses a header value such as an Idempotency-Key with a NUL, naming it', () => {
    // Node's HTTP parser already refuses control characters in headers; this is the app's own check.
    expect(() => assertStorableText('k\u0000y', 'Idempotency-Key')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', extra: { errors: [{ path: 'Idempotency-Key', message: expect.stringMatching(/NUL/) }] } }));
    expect(() => assertStorableText('key-1', 'Idempotency-Key')).not.toThrow();
  });

  it('cuts excerpts at 100 characters, never inside a surrogate pair', () => {
    expect(excerpt('k'.repeat(100_000))).toHaveLength(100);
    expect(excerpt('k'.repeat(100_000)).endsWith('…')).toBe(true);
    const cut = excerpt(`${'a'.repeat(98)}🙂🙂`);
    expect(textProblem(cut)).toBeUndefined();
    expect(excerpt('short')).toBe('short');
  });
});

describe('pagination cursors', () => {
  const id = '0b2f6c3e-0000-4000-8000-000000000001';

  it('round-trip the key of each kind of list', () => {
    expect(ID_CURSOR.decode(ID_CURSOR.encode(id))).toBe(id);
    expect(AUDIT_CURSOR.decode(AUDIT_CURSOR.encode('9007199254740'))).toBe('9007199254740');
    expect(ALLOTMENT_CURSOR.decode(ALLOTMENT_CURSOR.encode(`${id}:${id}`))).toBe(`${id}:${id}`);
    expect(CONTRACT_CURSOR.decode(CONTRACT_CURSOR.encode(`1700000000123456_${id}`))).toBe(`1700000000123456_${id}`);
  });

  it('refuse anything they did not issue', () => {
    const good = ID_CURSOR.encode(id);
    const forged = [
      'abc', '0', 'eyJ', Buffer.from('null').toString('base64'), '', '.', good.slice(0, -1), `${good}x`, good.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      `x${good}`, id, `${Buffer.from(`id|${id.toUpperCase()}`).toString('base64url')}.${good.split('.')[1]}`, 'x'.repeat(10_000), '\u0000', '\ud800',
    ];
    for (const cursor of forged) expect(ID_CURSOR.decode(cursor), cursor.slice(0, 40)).toBeUndefined();
  });

  it('of one kind of list are refused by another', () => {
    expect(AUDIT_CURSOR.decode(ID_CURSOR.encode(id))).toBeUndefined();
    expect(ID_CURSOR.decode(CONTRACT_CURSOR.encode(`1_${id}`))).toBeUndefined();
  });

  it('never encode a key that is not of the list', () => {
    expect(() => ID_CURSOR.encode('not-a-uuid')).toThrow();
    expect(() => AUDIT_CURSOR.encode('0')).toThrow();
  });
});

describe('problems', () => {
  async function answer(err: unknown) {
    const app = new Hono<any>();
    app.use('*', async (c, next) => {
      c.set('log', createLogger('silent'));
      await next();
    });
    app.get('/x', () => {
      throw err;
    });
    app.onError((e, c) => toProblem(e, c));
    const res = await app.request('/x');
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  it.each([
    ['22003', 'numeric value out of range'],
    ['22007', 'invalid input syntax for type date'],
    ['22008', 'date/time field value out of range: "0000-01-01"'],
    ['22P02', 'invalid input syntax for type uuid: "x"'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
    ['22001', 'value too long for type character varying(3)'],
  ])('answers a PostgreSQL data error %s as 400 VALIDATION_FAILED, hiding its text', async (code, message) => {
    const { status, body } = await answer(Object.assign(new Error(message), { code, severity: 'ERROR' }));
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toContain(message);
  });

  it('still answers other database errors 500 INTERNAL', async () => {
    const { status, body } = await answer(Object.assign(new Error('division by zero'), { code: '22012', severity: 'ERROR' }));
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL');
  });

  it('echoes no more than an excerpt of a huge field name, and at most 20 problems', () => {
    const huge = 'k'.repeat(100_000);
    const schema = z.strictObject({ name: z.string() });
    const one = validationError(schema.safeParse({ name: 'x', [huge]: 1 }).error!);
    expect(JSON.stringify({ detail: one.message, ...one.extra }).length).toBeLessThan(1_000);
    const many = validationError(z.array(z.string()).safeParse(Array.from({ length: 500 }, () => 1)).error!);
    expect((many.extra.errors as unknown[]).length).toBe(20);
  });
});
