import { parseCsv } from '../csv';

export interface BulkRow {
  line: number;
  email: string;
  name: string;
  expiresAt?: Date;
  /** The row's cohort (optional `cohortId` column); empty: the request's cohort, if any. */
  cohortId?: string;
}

export interface LineError {
  line: number;
  field?: string;
  message: string;
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const REQUIRED = ['email', 'name'];
const KNOWN = new Set(['email', 'name', 'expiresat', 'cohortid']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates a whole bulk-invite file before anything is created: header `email,name`
 * (optional `expiresAt` and `cohortId`), line numbers counting the header as line 1. Pure.
 */
export function validateBulkCsv(text: string, now: Date, maxRows: number): { rows: BulkRow[]; errors: LineError[] } {
  const { rows: raw, error } = parseCsv(text);
  if (error) return { rows: [], errors: [{ line: error.line, message: error.message }] };
  const [header, ...body] = raw;
  if (!header) return { rows: [], errors: [{ line: 1, message: 'the file is empty; expected a header row email,name' }] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const errors: LineError[] = [];
  for (const c of REQUIRED) if (!columns.includes(c)) errors.push({ line: 1, field: c, message: `missing column ${c}` });
  for (const c of columns) if (!KNOWN.has(c)) errors.push({ line: 1, field: c, message: `unknown column ${c}` });
  if (errors.length) return { rows: [], errors };
  if (body.length === 0) return { rows: [], errors: [{ line: 2, message: 'no respondents after the header' }] };
  if (body.length > maxRows) return { rows: [], errors: [{ line: 1, message: `at most ${maxRows} rows per upload` }] };

  const at = (fields: string[], name: string) => (fields[columns.indexOf(name)] ?? '').trim();
  const seen = new Map<string, number>();
  const rows: BulkRow[] = [];
  for (const { line, fields } of body) {
    if (fields.length !== columns.length) {
      errors.push({ line, message: `expected ${columns.length} fields, found ${fields.length}` });
      continue;
    }
    const email = at(fields, 'email').toLowerCase();
    const name = at(fields, 'name');
    const expires = columns.includes('expiresat') ? at(fields, 'expiresat') : '';
    if (!EMAIL.test(email)) errors.push({ line, field: 'email', message: 'not an e-mail address' });
    else if (seen.has(email)) errors.push({ line, field: 'email', message: `duplicate of line ${seen.get(email)}` });
    else seen.set(email, line);
    if (!name) errors.push({ line, field: 'name', message: 'required' });
    let expiresAt: Date | undefined;
    if (expires) {
      expiresAt = new Date(expires);
      if (Number.isNaN(expiresAt.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(expires)) errors.push({ line, field: 'expiresAt', message: 'not an ISO-8601 instant' });
      else if (expiresAt.getTime() <= now.getTime()) errors.push({ line, field: 'expiresAt', message: 'must be in the future' });
    }
    const cohort = columns.includes('cohortid') ? at(fields, 'cohortid') : '';
    const cohortId = UUID.test(cohort) ? cohort.toLowerCase() : undefined;
    if (cohort && !cohortId) errors.push({ line, field: 'cohortId', message: 'not a cohort id (a UUID)' });
    rows.push({ line, email, name, expiresAt, ...(cohortId && { cohortId }) });
  }
  return { rows, errors };
}
