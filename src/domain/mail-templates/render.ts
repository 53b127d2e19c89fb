// The one layout every e-mail uses: a message is written once as structured content and rendered
// to a plain-text part and an HTML part. Everything interpolated into the HTML is escaped. Pure.

/** What one e-mail says; each template builds one from its data. */
export interface MessageContent {
  subject: string;
  /** `Hello Ada,` */
  greeting?: string;
  /** Paragraphs of plain text (escaped in the HTML part). */
  paragraphs: string[];
  /** Label/value lines: `Seats: 12`. */
  facts?: [label: string, value: string][];
  /** The one thing to do, as a link (http or https only). */
  action?: { label: string; url: string };
  /** A closing line in smaller print (why the reader got this message). */
  footer?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and double-quoted attributes. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** Only absolute http(s) links are ever put in a message. */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`not an http(s) link: ${parsed.protocol}`);
  return parsed.toString();
}

const paragraph = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;

export function renderMessage(c: MessageContent): RenderedMessage {
  const url = c.action ? safeUrl(c.action.url) : undefined;
  const text = [
    c.greeting,
    ...c.paragraphs,
    c.facts?.length ? c.facts.map(([label, value]) => `${label}: ${value}`).join('\n') : undefined,
    c.action ? `${c.action.label}: ${url}` : undefined,
    c.footer ? `--\n${c.footer}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const facts = c.facts?.length
    ? `<table style="border-collapse:collapse;margin:0 0 16px">${c.facts
        .map(([label, value]) => `<tr><th style="text-align:left;padding:2px 12px 2px 0">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`)
        .join('')}</table>`
    : '';
  const action = c.action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(url!)}" style="display:inline-block;padding:10px 16px;background:#1f4e8c;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(c.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:12px;color:#555">${escapeHtml(url!)}</p>`
    : '';
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;max-width:600px">` +
    (c.greeting ? paragraph(c.greeting) : '') +
    c.paragraphs.map(paragraph).join('') +
    facts +
    action +
    (c.footer ? `<p style="margin:24px 0 0;font-size:12px;color:#555">${escapeHtml(c.footer)}</p>` : '') +
    `</body></html>`;
  return { subject: c.subject, text: text.join('\n\n') + '\n', html };
}

/** Message-IDs are `<notification id@partnerflow>`: the same on every attempt to send one notification. */
export const notificationMessageId = (notificationId: string): string => `<${notificationId}@partnerflow>`;

/** The notification id inside a Message-ID of ours, if it is one. */
export function notificationIdOf(messageId: string): string | undefined {
  return /^<(.+)@partnerflow>$/.exec(messageId)?.[1];
}
