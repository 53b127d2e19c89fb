import fc from 'fast-check';
import { parameterKind, type JsonSchema, type Operation, type Parameter } from '../openapi';

// Requests for one OpenAPI operation, generated from its schemas: mostly well-formed, with hostile
// values in some places (a field, a parameter, a header, the body as a whole), so that a hostile
// value also reaches code behind the schema checks.

/** Strings no API should choke on: NUL, lone surrogates, years out of range, huge, odd. */
export const HOSTILE_TEXT: string[] = [
  '\u0000', 'a\u0000b', 'name\u0000', '\ud800', 'x\udfff', 'Ana \ud83d', '\udc00\ud800', '', ' ', '\t\r\n',
  '0000-01-01', '0000-12-31T23:59:59Z', '-000001-01-01', '10000-01-01', '+275760-09-13', '2024-02-30', '9999-12-31T23:59:59.999+14:00',
  '1e309', 'NaN', '-0', '2147483648', '99999999999999999999', 'null', 'true', '[]', '{}',
  "'; drop table users; --", '%00', '%ED%A0%80', '../../../etc/passwd', '\u202e\u0041', '🙂'.repeat(50), 'A'.repeat(5000),
  '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', 'ana\u0000@example.test', `${'a'.repeat(300)}@example.test`,
];

/** Numbers beyond PostgreSQL's int4 and JavaScript's safe integers, fractions, signs. */
export const HOSTILE_NUMBERS: number[] = [2147483648, -2147483649, 2147483647, -2147483648, 2 ** 53, -(2 ** 53), 2 ** 63, 1e308, -1e308, 0.5, -1, 0, 1e-7];

/** Cursors no list issued: the causes of 500s once, and cursors that look almost right. */
export const HOSTILE_CURSORS: string[] = [
  'abc', '0', 'eyJ', Buffer.from('null').toString('base64'), Buffer.from('{"id":1}').toString('base64url'), '', '.', 'a.b',
  'x'.repeat(300), '%00', '\u0000', '\ud800', '00000000-0000-4000-8000-000000000000', '1_00000000-0000-4000-8000-000000000000',
  `${Buffer.from('id|not-a-uuid').toString('base64url')}.AAAAAAAAAAAA`,
];

/** Field names a server must not echo or choke on. */
export const HOSTILE_KEYS: string[] = ['k'.repeat(100_000), 'a\u0000b', '\ud800', '__proto__', 'constructor', '', 'x'.repeat(300)];

/** Bodies that are not what any route takes: malformed, empty, scalar, nested beyond reason. */
export const HOSTILE_RAW_BODIES: string[] = [
  '', '{', 'null', '[]', '"text"', '1e999', '{"a":1,"a":2}', `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, '\u0000', '{"\\u0000":"\\ud800"}',
];

const WRONG_TYPES: unknown[] = [null, true, 0, -1, '', [], {}, [1, 'two'], { a: 1 }];

export interface Pools {
  /** Real ids (or tokens, codes, keys) of a kind of object, from the seeded world. */
  of(kind: string): string[];
  /** Every real id, for uuid fields of unknown kind. */
  anyIds: string[];
  /** Real cursors the API issued. */
  cursors: string[];
}

export interface FuzzRequest {
  method: string;
  /** Path and query, percent-encoded as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Percent-encodes like encodeURIComponent, but a lone surrogate as its generalized UTF-8 bytes (WTF-8) instead of throwing. */
export function percentEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Generators over a document's schemas (`resolve` follows $refs) with the world's ids in `pools`. */
export function generators(resolve: (s: JsonSchema) => JsonSchema, pools: Pools) {
  const idArb = () => (pools.anyIds.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pools.anyIds) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid());
  const today = new Date();
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const futureDate = fc.date({ min: today, max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });

  function validString(s: JsonSchema): fc.Arbitrary<string> {
    const min = s.minLength ?? 0;
    const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
    switch (s.format) {
      case 'uuid':
        return idArb();
      case 'email':
        return fc.tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.constantFrom('example.test', 'xyz.example')).map(([a, b]) => `${a}@${b}`);
      case 'date':
        return futureDate.map(isoDay);
      case 'date-time':
        return futureDate.map((d) => d.toISOString());
    }
    if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
    return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
  }

  function valid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const options = s.oneOf ?? s.anyOf;
    if (options) return fc.oneof(...options.map((o) => valid(o, depth + 1)));
    if (s.allOf?.length) return valid(s.allOf[0]!, depth + 1);
    const types = typesOf(s);
    if (types.length > 1) return fc.oneof(...types.map((type) => (type === 'null' ? fc.constant(null) : valid({ ...s, type }, depth + 1))));
    switch (types[0]) {
      case 'string':
        return validString(s);
      case 'integer': {
        const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
        const max = Math.min(s.maximum ?? min + 20, min + 20);
        return fc.integer({ min, max });
      }
      case 'number':
        return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const min = s.minItems ?? 0;
        return fc.array(valid(s.items ?? {}, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(s.maxItems ?? 3, min + 2)) });
      }
      case 'object':
        return object(s, depth, valid);
    }
    return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 1 });
  }

  /** An object of `s` whose fields come from `field` (valid or fuzzed values). */
  function object(s: JsonSchema, depth: number, field: (s: JsonSchema, depth: number) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
    const props = s.properties ?? {};
    const shape = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, field(v, depth + 1)]));
    const required = (s.required ?? []).filter((k) => k in props);
    const base = fc.record(shape, { requiredKeys: required });
    const extra = s.additionalProperties;
    if (!extra || extra === true) return base;
    const key = s.propertyNames?.pattern ? fc.stringMatching(new RegExp(s.propertyNames.pattern)) : fc.string({ minLength: 1, maxLength: 8 });
    return fc.tuple(base, fc.dictionary(key, field(extra, depth + 1), { minKeys: 1, maxKeys: 2 })).map(([a, b]) => ({ ...b, ...(a as object) }));
  }

  /** A value that does not belong where `schema` is, or sits at the edge of what it allows. */
  function hostile(schema: JsonSchema): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    const types = typesOf(s);
    const wrong = fc.constantFrom(...WRONG_TYPES);
    if (types.includes('integer') || types.includes('number')) return fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), wrong);
    if (types.includes('string')) {
      const spoiled = validString(s).chain((v) =>
        fc.tuple(fc.nat(v.length), fc.constantFrom('\u0000', '\ud800', '\udfff')).map(([at, bad]) => v.slice(0, at) + bad + v.slice(at)),
      );
      return fc.oneof(fc.constantFrom(...HOSTILE_TEXT), spoiled, wrong);
    }
    if (types.includes('array')) return fc.oneof(wrong, fc.array(fc.constantFrom(...HOSTILE_TEXT), { minLength: 1, maxLength: 3 }), fc.constant(Array.from({ length: 1001 }, () => 1)));
    if (types.includes('object')) {
      const nested = fc.constant(JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`));
      return fc.oneof(wrong, nested, fc.constantFrom(...HOSTILE_KEYS).map((k) => ({ [k]: 1 })));
    }
    return fc.oneof(wrong, fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom(...HOSTILE_NUMBERS));
  }

  /** Mostly valid, with hostile values at some leaves and object-level damage (a field missing, an unknown field). */
  function fuzz(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    const types = typesOf(s);
    if (types.includes('object') && (s.properties || s.additionalProperties) && depth < 6) {
      const fields = object(s, depth, fuzz);
      const damaged = fields.chain((v) => {
        const obj = (v ?? {}) as Record<string, unknown>;
        const keys = Object.keys(obj);
        return fc.oneof(
          fc.constantFrom(...HOSTILE_KEYS).map((k) => ({ ...obj, [k]: 'x' })),
          keys.length ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(obj).filter(([x]) => x !== k))) : fc.constant(obj),
        );
      });
      return fc.oneof({ weight: 8, arbitrary: fields }, { weight: 1, arbitrary: damaged }, { weight: 1, arbitrary: hostile(s) });
    }
    if (types.includes('array') && s.items && depth < 6) {
      const min = s.minItems ?? 0;
      const items = fc.array(fuzz(s.items, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(s.maxItems ?? 3, min + 2)) });
      return fc.oneof({ weight: 8, arbitrary: items }, { weight: 1, arbitrary: hostile(s) });
    }
    const options = s.oneOf ?? s.anyOf;
    if (options && depth < 6) return fc.oneof({ weight: 6, arbitrary: fc.oneof(...options.map((o) => fuzz(o, depth + 1))) }, { weight: 1, arbitrary: hostile(s) });
    return fc.oneof({ weight: 5, arbitrary: valid(s, depth) }, { weight: 1, arbitrary: hostile(s) });
  }

  /** A path parameter: mostly a real id of the right kind, sometimes any uuid or a hostile string. */
  function pathValue(op: Operation, p: Parameter): fc.Arbitrary<string> {
    const real = pools.of(parameterKind(op.path, p.name));
    return fc.oneof(
      ...(real.length ? [{ weight: 6, arbitrary: fc.constantFrom(...real) }] : []),
      { weight: 1, arbitrary: validString(resolve(p.schema)) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT, ...HOSTILE_CURSORS) },
    );
  }

  /** A query value as the text sent (repeated keys for arrays). */
  function queryValue(p: Parameter): fc.Arbitrary<string[]> {
    if (p.name === 'cursor') {
      return fc.oneof(fc.constantFrom(...HOSTILE_CURSORS), ...(pools.cursors.length ? [fc.constantFrom(...pools.cursors)] : [])).map((c) => [c]);
    }
    return fuzz(p.schema).map((v) => (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x) ?? '')));
  }

  const idempotencyKey = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/) },
    { weight: 1, arbitrary: fc.constantFrom('', 'k'.repeat(256), 'caf\u00e9 \u00ff', ' ') },
  );

  /** The body: JSON from the schema (mostly), CSV lines for text/csv, or something else entirely. */
  function body(op: Operation): fc.Arbitrary<{ type?: string; text?: string }> {
    const types = Object.keys(op.body);
    const choices: fc.WeightedArbitrary<{ type?: string; text?: string }>[] = [];
    for (const type of types) {
      if (/json/.test(type)) choices.push({ weight: 10, arbitrary: fuzz(op.body[type]!).map((v) => ({ type, text: JSON.stringify(v) ?? 'null' })) });
      if (/csv/.test(type)) choices.push({ weight: 10, arbitrary: csv().map((text) => ({ type, text })) });
    }
    if (!types.length) choices.push({ weight: 6, arbitrary: fc.constant({}) });
    choices.push({ weight: 1, arbitrary: fc.constantFrom(...HOSTILE_RAW_BODIES).map((text) => ({ type: 'application/json', text })) });
    choices.push({ weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'text/csv', 'application/xml').map((type) => ({ type, text: 'a=1&b=\u0000' })) });
    if (!op.bodyRequired) choices.push({ weight: 2, arbitrary: fc.constant({}) });
    return fc.oneof(...choices);
  }

  /** CSV uploads with `email,name` (and `expiresAt`) rows, some of them hostile. */
  function csv(): fc.Arbitrary<string> {
    const cell = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z ]{1,12}$/) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT, '"quoted, comma"', '"unterminated') });
    const email = fc.oneof({ weight: 4, arbitrary: validString({ type: 'string', format: 'email' }) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT) });
    const expires = fc.oneof(futureDate.map((d) => d.toISOString()), fc.constantFrom('0000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '\u0000'));
    const header = fc.constantFrom('email,name', 'email,name,expiresAt', 'name,email', 'e\u0000mail,name', '');
    return fc.tuple(header, fc.array(fc.tuple(email, cell, expires), { minLength: 0, maxLength: 3 })).map(([h, rows]) =>
      [h, ...rows.map(([e, n, x]) => (h.endsWith('expiresAt') ? [e, n, x] : [e, n]).join(','))].join('\n') + '\n',
    );
  }

  /** Other headers a client controls, sometimes hostile (header values cannot hold NUL or anything above U+00FF). */
  const otherHeaders = fc.oneof(
    { weight: 12, arbitrary: fc.constant<Record<string, string>>({}) },
    { weight: 1, arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Basic YWJjOmRlZg==', `Bearer pf_${'x'.repeat(5_000)}`, 'Bearer \u00ff\u00fe', 'Bearer a b').map((v) => ({ authorization: v })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(300), 'caf\u00e9', '<script>', '../../').map((v) => ({ 'x-request-id': v })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'unknown', 'x'.repeat(2_000), '999.1.1.1, ::1', '::ffff:10.0.0.1', 'a,b,,c').map((v) => ({ 'x-forwarded-for': v })) },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=latin1', 'application/json; boundary=x', 'application/merge-patch+json', 'APPLICATION/JSON', '*/*').map((v) => ({ 'content-type': v })) },
  );

  /** Whole requests for `op`, as the caller holding `token` (none for public routes). */
  function request(op: Operation, token: string | undefined): fc.Arbitrary<FuzzRequest> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const pathArb = fc.tuple(...pathParams.map((p) => pathValue(op, p)));
    const queryArb = fc.tuple(...queryParams.map((p) => (p.required ? queryValue(p) : fc.option(queryValue(p), { freq: 2 }).map((v) => v ?? []))));
    const ip = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((n) => n.join('.'));
    const bodyArb = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method) ? body(op) : fc.constant<{ type?: string; text?: string }>({});
    return fc.tuple(pathArb, queryArb, op.method === 'POST' ? idempotencyKey : fc.constant(undefined), bodyArb, ip, otherHeaders).map(
      ([pathValues, queryValues, key, b, from, extra]) => {
        let path = op.path;
        pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, percentEncode(pathValues[i]!))));
        const query = queryParams.flatMap((p, i) => queryValues[i]!.map((v) => `${percentEncode(p.name)}=${percentEncode(v)}`)).join('&');
        const headers: Record<string, string> = { 'x-forwarded-for': from };
        if (token) headers.authorization = `Bearer ${token}`;
        if (key !== undefined) headers['idempotency-key'] = key;
        if (b.type) headers['content-type'] = b.type;
        Object.assign(headers, extra);
        return { method: op.method, url: query ? `${path}?${query}` : path, headers, ...(b.text !== undefined && { body: b.text }) };
      },
    );
  }

  return { valid, hostile, fuzz, request };
}
