import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtpListener() {
  const received: ReceivedMail[] = [];
  // While held, messages are received but not acknowledged: the sender waits for its answer.
  let held: Promise<void> | undefined;
  let release = () => {};
  const waiting: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        if (!held) {
          received.push(mail);
          return callback();
        }
        waiting.push(mail);
        void held.then(() => {
          waiting.splice(waiting.indexOf(mail), 1);
          received.push(mail);
          callback();
        });
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The messages received so far for `address` (one of their envelope recipients). */
    to: (address: string): ReceivedMail[] => received.filter((m) => m.to.includes(address)),
    /** Waits until a message to `to` arrives (mail is sent by activities, asynchronously). */
    async waitFor(to: string, timeoutMs = 20_000): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const m = received.find((r) => r.to.includes(to));
        if (m) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    },
    /** Messages received but not yet acknowledged (while held). */
    waiting,
    /** Stops acknowledging messages until `release()`: a sender (a mail activity) stays in its send. */
    hold() {
      held ??= new Promise<void>((ok) => (release = ok));
    },
    release() {
      held = undefined;
      release();
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
