import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative of `text` (both parts are sent as multipart/alternative). */
  html?: string;
  /**
   * A Message-ID fixed by the sender (`<…@…>`), so a notification sent again by a retried
   * activity is recognisably the same message (receivers and mail stores deduplicate by it).
   */
  messageId?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Where mail ends up, for the start-up banner (never contains credentials). */
  describe(): string;
}

/**
 * SMTP when `SMTP_URL` is set; otherwise every message is written as an .eml file under
 * `<DATA_DIR>/mail/` so a developer running `npm start` can read what would have been sent.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  if (opts.smtpUrl) {
    const url = new URL(opts.smtpUrl);
    const transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
      // Bounded, so a send always ends well within a notification's claim (src/platform/notifications.ts).
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, ...mail });
      },
      describe: () => `smtp://${url.hostname}:${url.port || 25}`,
    };
  }
  const dir = join(opts.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, ...mail });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(join(dir, `${stamp}-${info.messageId.replace(/[^a-zA-Z0-9@.-]/g, '')}.eml`), info.message as Buffer);
    },
    describe: () => `files in ${dir}`,
  };
}
