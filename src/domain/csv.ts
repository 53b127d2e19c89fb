// RFC 4180 CSV: reading uploads (quoted fields, doubled quotes, CRLF or LF) and writing exports. Pure.

export interface CsvRow {
  /** 1-based line number of the row's first line in the file (the header is line 1). */
  line: number;
  fields: string[];
}

export function parseCsv(text: string): { rows: CsvRow[]; error?: { line: number; message: string } } {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field !== '') return { rows, error: { line, message: 'a quote may only start a field' } };
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (quoted) return { rows, error: { line: rowLine, message: 'unterminated quoted field' } };
  if (field !== '' || fields.length > 0) endRow();
  return { rows };
}

/**
 * One CSV field (RFC 4180). Text starting with = + - @ (or a tab or carriage return) is prefixed
 * with ' so a spreadsheet never runs a name someone typed as a formula. Dates are ISO 8601.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, CRLF-terminated. */
export const csvLine = (columns: readonly string[], row: Record<string, unknown>): string => columns.map((c) => csvField(row[c])).join(',') + '\r\n';

/** A whole (small) CSV file: the header, then one record per row. */
export function toCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  return `${columns.join(',')}\r\n${rows.map((r) => csvLine(columns, r)).join('')}`;
}
