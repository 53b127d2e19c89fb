// Reads the HTTP examples of a Markdown page (README.md, docs/*.md) so tests/platform/docs-examples.e2e.test.ts
// can run them as written. The convention is docs/architecture.md's "Docs that run":
//
//   ```http
//   POST /v1/organizations                  # as acme
//   { "name": "Acme" }
//   → 201 { "id": "…", "name": "Acme" }
//   ```
//
// - `METHOD /path`, optional `Header: value` lines, the body, `→ <status>` and the answer shown;
//   several requests may follow each other in one block.
// - the answer is checked as a subset: every member shown must be there with that value, `"…"` is
//   any value, a `…` on its own in an object or array means more may follow, `→ 200 …` any answer.
// - `# as name` names an answer; `{name.field.0.id}` later on the page is that field of it.
// - `{today}` is today's date (UTC), `{today+30}` 30 days later, `{today-1}` yesterday.
// - README's ```sh blocks may show `curl … $API/…` with the answer in a `# → <status> …` comment
//   on the next line.
// - ```http illustrative (or ```sh illustrative) blocks are not run.

export interface DocExample {
  page: string;
  /** 1-based line of the request in the page. */
  line: number;
  method: string;
  /** The path with its placeholders, relative to $API. */
  path: string;
  headers: [string, string][];
  body: string | null;
  bindAs: string | null;
  status: number;
  /** The answer shown (JSON with `…`), or null when only the status is shown. */
  answer: string | null;
}

export interface PageExamples {
  examples: DocExample[];
  /** Lines inside runnable blocks that are not part of an example, with where they are. */
  errors: string[];
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE';
const REQUEST = new RegExp(`^(${METHODS}) (/\\S*)\\s*(?:#\\s*as\\s+([A-Za-z_]\\w*))?\\s*$`);
const HEADER = /^([A-Za-z][A-Za-z0-9-]*): (.+)$/;
const ARROW = /^→\s*(\d{3})\b\s*(.*)$/;

interface Fence {
  info: string;
  /** 1-based line of the first line inside the fence. */
  start: number;
  lines: string[];
}

function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(Math.min(indent, lines[j]!.length - lines[j]!.trimStart().length)));
    out.push({ info: open[2]!.trim(), start: i + 2, lines: body });
    i = j;
  }
  return out;
}

function httpBlock(page: string, f: Fence, errors: string[]): DocExample[] {
  const out: DocExample[] = [];
  let i = 0;
  const at = (k: number) => `${page}:${f.start + k}`;
  while (i < f.lines.length) {
    const line = f.lines[i]!.trimEnd();
    if (line.trim() === '') {
      i++;
      continue;
    }
    const req = REQUEST.exec(line);
    if (!req) {
      errors.push(`${at(i)}: expected a request line \`METHOD /path\`, found: ${line}`);
      return out;
    }
    const start = i++;
    const headers: [string, string][] = [];
    for (let h; i < f.lines.length && (h = HEADER.exec(f.lines[i]!.trim())); i++) headers.push([h[1]!, h[2]!.trim()]);
    const body: string[] = [];
    while (i < f.lines.length && !ARROW.test(f.lines[i]!.trim())) body.push(f.lines[i++]!);
    if (i >= f.lines.length) {
      errors.push(`${at(start)}: \`${line}\` has no \`→ <status>\` answer`);
      return out;
    }
    const arrow = ARROW.exec(f.lines[i++]!.trim())!;
    const answer = [arrow[2]!];
    while (i < f.lines.length && !REQUEST.test(f.lines[i]!.trimEnd())) answer.push(f.lines[i++]!);
    const bodyText = body.join('\n').trim();
    const answerText = answer.join('\n').trim();
    out.push({
      page, line: f.start + start, method: req[1]!, path: req[2]!, headers, bindAs: req[3] ?? null,
      body: bodyText === '' ? null : bodyText, status: Number(arrow[1]), answer: answerText === '' || answerText === '…' ? null : answerText,
    });
  }
  if (out.length === 0) errors.push(`${at(0)}: an \`http\` block without a request (mark it \`http illustrative\` if it is not one)`);
  return out;
}

/** Shell words of one command line: quotes removed, `$API`/`$TOKEN` kept for the runner to expand. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'" || c === '"') {
      const end = command.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unbalanced ${c}`);
      word += command.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function curlBlock(page: string, f: Fence, errors: string[]): DocExample[] {
  const out: DocExample[] = [];
  for (let i = 0; i < f.lines.length; i++) {
    if (!/^\s*curl\b/.test(f.lines[i]!)) continue;
    const start = i;
    let command = f.lines[i]!.replace(/\s#.*$/, '');
    while (command.trimEnd().endsWith('\\') && i + 1 < f.lines.length) command = command.trimEnd().slice(0, -1) + ' ' + f.lines[++i]!.replace(/\s#.*$/, '');
    const where = `${page}:${f.start + start}`;
    let words: string[];
    try {
      words = shellWords(command).slice(1);
    } catch (err) {
      errors.push(`${where}: ${(err as Error).message}`);
      continue;
    }
    let method: string | null = null;
    let body: string | null = null;
    const headers: [string, string][] = [];
    let url: string | null = null;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (word === '-X' || word === '--request') method = words[++w] ?? null;
      else if (word === '-H' || word === '--header') {
        const h = HEADER.exec(words[++w] ?? '');
        if (h) headers.push([h[1]!, h[2]!]);
      } else if (word === '-d' || word === '--data' || word === '--data-raw') body = words[++w] ?? null;
      else if (!word.startsWith('-')) url = word;
    }
    if (!url?.startsWith('$API/')) {
      errors.push(`${where}: a curl example calls \`$API/…\` (README defines it); found ${url ?? 'no URL'}`);
      continue;
    }
    const next = f.lines[i + 1]?.trim() ?? '';
    const arrow = /^#\s*(→.*)$/.exec(next);
    const parsed = arrow ? ARROW.exec(arrow[1]!) : null;
    if (!parsed) {
      errors.push(`${where}: a curl example shows its answer on the next line: \`# → <status> …\``);
      continue;
    }
    i++;
    const answerText = parsed[2]!.trim();
    out.push({
      page, line: f.start + start, method: method ?? (body === null ? 'GET' : 'POST'), path: url.slice('$API'.length),
      headers, body, bindAs: null, status: Number(parsed[1]), answer: answerText === '' || answerText === '…' ? null : answerText,
    });
  }
  return out;
}

/** Every runnable example of a page, in order, and what could not be read. */
export function extractExamples(page: string, markdown: string): PageExamples {
  const errors: string[] = [];
  const examples: DocExample[] = [];
  for (const f of fences(markdown)) {
    const [lang, ...flags] = f.info.split(/\s+/);
    if (flags.includes('illustrative')) continue;
    if (lang === 'http') examples.push(...httpBlock(page, f, errors));
    else if (lang === 'sh' || lang === 'bash') examples.push(...curlBlock(page, f, errors));
  }
  // Bodies and answers must be JSON as shown (placeholders aside), so prose after an arrow is named here.
  const readable = (text: string, parse: (t: string) => unknown) => {
    try {
      parse(text.replace(PLACEHOLDER, '0'));
      return true;
    } catch {
      return false;
    }
  };
  for (const ex of examples) {
    const type = ex.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
    if (ex.body !== null && type.includes('json') && !readable(ex.body, JSON.parse)) errors.push(`${ex.page}:${ex.line}: the body of \`${ex.method} ${ex.path}\` is not JSON`);
    if (ex.answer !== null && !readable(ex.answer, parseShownJson)) {
      errors.push(`${ex.page}:${ex.line}: the answer of \`${ex.method} ${ex.path}\` is not JSON (with \`…\`); put prose outside the block`);
    }
  }
  return { examples, errors };
}

const PLACEHOLDER = /\{(today(?:[+-]\d+)?|[A-Za-z_]\w*(?:\.[\w-]+)+)\}/g;

/** The date `offset` days from `now`, as YYYY-MM-DD (UTC). */
export const isoDate = (now: Date, offset = 0) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset)).toISOString().slice(0, 10);

/** `text` with `{today…}` and `{name.path}` replaced; an unknown name or field throws, naming it. */
export function substitute(text: string, bindings: ReadonlyMap<string, unknown>, now: Date): string {
  return text.replace(PLACEHOLDER, (_, ref: string) => {
    const today = /^today(?:([+-]\d+))?$/.exec(ref);
    if (today) return isoDate(now, Number(today[1] ?? 0));
    const [name, ...path] = ref.split('.');
    if (!bindings.has(name!)) throw new Error(`{${ref}}: no answer marked \`# as ${name}\` above it on the page`);
    let value: unknown = bindings.get(name!);
    for (const key of path) {
      if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`{${ref}}: the answer \`${name}\` has no ${path.join('.')}`);
      value = (value as Record<string, unknown>)[key];
    }
    if (value !== null && typeof value === 'object') throw new Error(`{${ref}} is not a single value`);
    return String(value);
  });
}

/** Marks a `…` standing for "more elements may follow" in an array. */
export const MORE = '\u0000more';
export const ANY = '…';

/** JSON as the docs write it, with `…`: `"…"` stays a string (any value), a bare `…` becomes a marker. */
export function parseShownJson(text: string): unknown {
  let out = '';
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '…') {
      out += stack.at(-1) === '[' ? JSON.stringify(MORE) : `${JSON.stringify(MORE)}: 0`;
      continue;
    }
    out += c;
  }
  return JSON.parse(out);
}

/** Where `actual` differs from what the page shows (empty: it matches). */
export function mismatches(shown: unknown, actual: unknown, path = '$'): string[] {
  if (shown === ANY) return actual === undefined ? [`${path}: missing`] : [];
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    const open = shown.at(-1) === MORE;
    const items = open ? shown.slice(0, -1) : shown;
    if (open ? actual.length < items.length : actual.length !== items.length) {
      return [`${path}: expected ${open ? 'at least ' : ''}${items.length} element(s), got ${actual.length}`];
    }
    return items.flatMap((item, i) => mismatches(item, actual[i], `${path}[${i}]`));
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(shown).flatMap(([k, v]) => {
      if (k === MORE) return [];
      if (!(k in actual)) return [`${path}.${k}: missing`];
      return mismatches(v, (actual as Record<string, unknown>)[k], `${path}.${k}`);
    });
  }
  return Object.is(shown, actual) ? [] : [`${path}: expected ${JSON.stringify(shown)}, got ${JSON.stringify(actual)}`];
}
