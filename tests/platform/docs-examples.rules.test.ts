// The reader of the docs' examples (tests/support/docs-examples.ts): what it takes from a page and
// how it compares an answer with what the page shows.
import { describe, expect, it } from 'vitest';
import { extractExamples, isoDate, mismatches, parseShownJson, substitute } from '../support/docs-examples';

const page = [
  'Text.',
  '',
  '```http',
  'POST /v1/organizations        # as acme',
  '{ "name": "Acme" }',
  '→ 201 { "id": "…", "name": "Acme" }',
  '',
  'GET /v1/organizations/{acme.id}',
  'Authorization: Bearer {manager.token}',
  '→ 200',
  '```',
  '',
  '```http illustrative',
  'POST /v1/sales/{id}/approve   → 200 the sale',
  '```',
  '',
  '```sh',
  'curl -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' \\',
  '     -d \'{"name":"Acme"}\' $API/v1/organizations',
  '# → 201 { "name": "Acme" }',
  '```',
].join('\n');

describe('extracting a page\'s examples', () => {
  it('reads requests, headers, bodies, names and answers in order, and skips illustrative blocks', () => {
    const { examples, errors } = extractExamples('p.md', page);
    expect(errors).toEqual([]);
    expect(examples).toHaveLength(3);
    expect(examples[0]).toMatchObject({ line: 4, method: 'POST', path: '/v1/organizations', bindAs: 'acme', body: '{ "name": "Acme" }', status: 201, answer: '{ "id": "…", "name": "Acme" }' });
    expect(examples[1]).toMatchObject({ line: 8, method: 'GET', path: '/v1/organizations/{acme.id}', headers: [['Authorization', 'Bearer {manager.token}']], body: null, status: 200, answer: null });
    expect(examples[2]).toMatchObject({ line: 18, method: 'POST', path: '/v1/organizations', body: '{"name":"Acme"}', status: 201, answer: '{ "name": "Acme" }' });
  });

  it('names what it cannot read: prose after the arrow, a request without an answer, curl without $API', () => {
    const bad = [
      '```http', 'POST /v1/sales/x/approve   → 200 the sale', '```',
      '```http', 'GET /v1/sales', '```',
      '```sh', 'curl http://localhost:3000/v1/settings', '```',
      '```http', 'POST /v1/sales/{sale.id}/approve', '→ 200 the sale, "status": "approved"', '```',
      '```http', 'POST /v1/sales', '{ name: x }', '→ 201 { "amount": {purchase.amount.amount} }', '```',
    ].join('\n');
    const { errors } = extractExamples('bad.md', bad);
    expect(errors).toEqual([
      expect.stringMatching(/^bad\.md:2: expected a request line/),
      expect.stringMatching(/^bad\.md:5: `GET \/v1\/sales` has no `→ <status>` answer/),
      expect.stringMatching(/^bad\.md:8: a curl example calls `\$API/),
      'bad.md:11: the answer of `POST /v1/sales/{sale.id}/approve` is not JSON (with `…`); put prose outside the block',
      'bad.md:15: the body of `POST /v1/sales` is not JSON',
    ]);
  });
});

describe('placeholders', () => {
  const now = new Date('2027-02-27T23:30:00Z');
  it('are today\'s date and the fields of earlier answers', () => {
    const bindings = new Map<string, unknown>([['sale', { id: 's1', distributions: [{ id: 'd1' }] }]]);
    expect(substitute('{today} {today+2} {today-365} /v1/sales/{sale.id}/x/{sale.distributions.0.id}', bindings, now)).toBe('2027-02-27 2027-03-01 2026-02-27 /v1/sales/s1/x/d1');
    expect(isoDate(now, 365)).toBe('2028-02-27');
  });
  it('refuse a name no answer was given and a field the answer lacks', () => {
    expect(() => substitute('{sale.id}', new Map(), now)).toThrow(/no answer marked `# as sale`/);
    expect(() => substitute('{sale.nope}', new Map([['sale', { id: 's1' }]]), now)).toThrow(/has no nope/);
    expect(substitute('{ "a": {} }', new Map(), now)).toBe('{ "a": {} }');
  });
});

describe('comparing an answer with the page', () => {
  it('checks the members shown, "…" as any value, and a lone … as "more may follow"', () => {
    const shown = parseShownJson('{ "id": "…", "name": "Acme", "tags": ["a", …], "items": [{ "n": 1 }], … }');
    expect(mismatches(shown, { id: 'x', name: 'Acme', tags: ['a', 'b'], items: [{ n: 1, other: true }], extra: 1 })).toEqual([]);
    expect(mismatches(shown, { name: 'Acme', tags: ['a'], items: [{ n: 1 }] })).toEqual(['$.id: missing']);
    expect(mismatches(shown, { id: 'x', name: 'Other', tags: [], items: [{ n: 1 }, { n: 2 }] })).toEqual([
      '$.name: expected "Acme", got "Other"',
      '$.tags: expected at least 1 element(s), got 0',
      '$.items: expected 1 element(s), got 2',
    ]);
    expect(mismatches(parseShownJson('{ "text": "a … b" }'), { text: 'a … b' })).toEqual([]);
    expect(mismatches(parseShownJson('{ "n": null }'), { n: 0 })).toEqual(['$.n: expected null, got 0']);
  });
});
