// Import lists (JSON or CSV) → rows with their own verdicts. Pure.
import { parseCsv } from '../csv';

export interface ImportRow {
  /** CSV: the file's line (the header is line 1). JSON: the 1-based position in `users`. */
  line: number;
  email: string;
  name: string;
  /** Set when the row cannot be imported; the other rows still are. */
  error?: string;
}

export const MAX_IMPORT_ROWS = 10_000;

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** Judges each row: e-mail syntax, a name, no second row for the same address. */
export function judgeRows(raw: { line: number; email: string; name: string }[]): ImportRow[] {
  const seen = new Map<string, number>();
  return raw.map(({ line, email: rawEmail, name: rawName }) => {
    const email = rawEmail.trim().toLowerCase();
    const name = rawName.trim();
    let error: string | undefined;
    if (!EMAIL.test(email)) error = 'email: not an e-mail address';
    else if (seen.has(email)) error = `email: duplicate of line ${seen.get(email)}`;
    else if (!name) error = 'name: required';
    else if (name.length > 200) error = 'name: at most 200 characters';
    if (!error) seen.set(email, line);
    return { line, email, name, ...(error && { error }) };
  });
}

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; errors: { line: number; message: string }[] };

/** A CSV with header `email,name` (any order, other columns refused). Whole-file problems refuse it. */
export function parseImportCsv(text: string): ParsedImport {
  const { rows, error } = parseCsv(text);
  if (error) return { ok: false, errors: [error] };
  const [header, ...body] = rows;
  if (!header) return { ok: false, errors: [{ line: 1, message: 'the file is empty; expected a header row email,name' }] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const problems: { line: number; message: string }[] = [];
  for (const c of ['email', 'name']) if (!columns.includes(c)) problems.push({ line: 1, message: `missing column ${c}` });
  for (const c of columns) if (c !== 'email' && c !== 'name') problems.push({ line: 1, message: `unknown column ${c}` });
  if (problems.length) return { ok: false, errors: problems };
  return fromRaw(
    body.map(({ line, fields }) => ({
      line,
      email: fields[columns.indexOf('email')] ?? '',
      name: fields[columns.indexOf('name')] ?? '',
      count: fields.length,
    })),
    columns.length,
  );
}

/** `{ users: [{ email, name }] }`, already type-checked by the API schema. */
export function importFromJson(users: { email: string; name: string }[]): ParsedImport {
  return fromRaw(users.map((u, i) => ({ line: i + 1, email: u.email, name: u.name, count: 2 })), 2);
}

function fromRaw(raw: { line: number; email: string; name: string; count: number }[], width: number): ParsedImport {
  if (raw.length === 0) return { ok: false, errors: [{ line: 2, message: 'no users in the list' }] };
  if (raw.length > MAX_IMPORT_ROWS) return { ok: false, errors: [{ line: 1, message: `at most ${MAX_IMPORT_ROWS} users per import` }] };
  const judged = judgeRows(raw);
  return {
    ok: true,
    rows: judged.map((r, i) =>
      raw[i]!.count !== width ? { ...r, error: `expected ${width} fields, found ${raw[i]!.count}` } : r,
    ),
  };
}
