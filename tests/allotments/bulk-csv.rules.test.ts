import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { validateBulkCsv } from '../../src/domain/allotments/bulk-csv';

const now = new Date('2027-01-01T00:00:00Z');

describe('CSV parsing', () => {
  it('handles quotes, doubled quotes, commas and newlines inside quotes, CRLF and a BOM', () => {
    const { rows } = parseCsv('\ufeffemail,name\r\n"a@x.test","Doe, Jane"\r\nb@x.test,"Say ""hi""\nthere"\r\n');
    expect(rows.map((r) => r.fields)).toEqual([['email', 'name'], ['a@x.test', 'Doe, Jane'], ['b@x.test', 'Say "hi"\nthere']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('reports an unterminated quote with its line', () => {
    expect(parseCsv('email,name\n"a@x.test,A\n').error).toEqual({ line: 2, message: 'unterminated quoted field' });
  });
});

describe('bulk invite validation', () => {
  it('accepts email,name with an optional expiresAt column', () => {
    const r = validateBulkCsv('email,name,expiresAt\nA@X.test,Ana,2027-02-01T00:00:00Z\nb@x.test,Ben,\n', now, 100);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, email: 'a@x.test', name: 'Ana', expiresAt: new Date('2027-02-01T00:00:00Z') },
      { line: 3, email: 'b@x.test', name: 'Ben', expiresAt: undefined },
    ]);
  });

  it('reports every bad row by line number, the header being line 1', () => {
    const csv = 'email,name,expiresAt\nok@x.test,Ok,\nnot-an-email,Bad,\nok@x.test,Dup,\nc@x.test,,\nd@x.test,D,2026-01-01T00:00:00Z\ne@x.test,E,tomorrow\nf@x.test\n';
    const { errors } = validateBulkCsv(csv, now, 100);
    expect(errors).toEqual([
      { line: 3, field: 'email', message: 'not an e-mail address' },
      { line: 4, field: 'email', message: 'duplicate of line 2' },
      { line: 5, field: 'name', message: 'required' },
      { line: 6, field: 'expiresAt', message: 'must be in the future' },
      { line: 7, field: 'expiresAt', message: 'not an ISO-8601 instant' },
      { line: 8, message: 'expected 3 fields, found 1' },
    ]);
  });

  it('refuses a wrong header, an empty file and too many rows', () => {
    expect(validateBulkCsv('mail,name\n', now, 10).errors[0]).toMatchObject({ line: 1, field: 'email' });
    expect(validateBulkCsv('email,name,phone\nx@y.test,X,1\n', now, 10).errors[0]).toMatchObject({ line: 1, field: 'phone' });
    expect(validateBulkCsv('', now, 10).errors[0]!.line).toBe(1);
    expect(validateBulkCsv('email,name\n', now, 10).errors[0]!.message).toMatch(/no respondents/);
    expect(validateBulkCsv('email,name\na@x.test,A\nb@x.test,B\n', now, 1).errors[0]!.message).toMatch(/at most 1/);
  });

  it('accepts an optional cohortId column: a UUID per row, or empty for the request\'s cohort', () => {
    const id = 'A1B2C3D4-0000-4000-8000-000000000001';
    const { rows, errors } = validateBulkCsv(`email,name,cohortId\na@x.test,A,${id}\nb@x.test,B,\nc@x.test,C,class-3\n`, now, 10);
    expect(errors).toEqual([{ line: 4, field: 'cohortId', message: 'not a cohort id (a UUID)' }]);
    expect(rows.map((r) => r.cohortId)).toEqual([id.toLowerCase(), undefined, undefined]);
  });
});
