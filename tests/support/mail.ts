// Reads a received message the way a mail client shows it: headers, and the decoded text and HTML
// parts of a multipart/alternative message (or the one part of a plain one).

export interface ReadMail {
  messageId: string | undefined;
  subject: string | undefined;
  /** Every header, by lower-case name (folded lines joined). */
  headers: Record<string, string>;
  contentType: string;
  text: string | undefined;
  html: string | undefined;
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, ' ');
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? '').toLowerCase();
  if (e === 'quoted-printable') {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=`) in a header, decoded. */
function decodeHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

export function readMail(raw: string): ReadMail {
  const { headers, body } = splitHead(raw);
  const contentType = headers['content-type'] ?? 'text/plain';
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      const part = splitHead(section.replace(/^\r?\n/, ''));
      parts.push({ type: (part.headers['content-type'] ?? 'text/plain').toLowerCase(), content: decodeBody(part.body.replace(/\r?\n$/, ''), part.headers['content-transfer-encoding']).replace(/\r\n/g, '\n') });
    }
  } else {
    parts.push({ type: contentType.toLowerCase(), content: decodeBody(body, headers['content-transfer-encoding']).replace(/\r\n/g, '\n') });
  }
  return {
    messageId: headers['message-id'],
    subject: decodeHeader(headers.subject),
    headers,
    contentType,
    text: parts.find((p) => p.type.startsWith('text/plain'))?.content,
    html: parts.find((p) => p.type.startsWith('text/html'))?.content,
  };
}
