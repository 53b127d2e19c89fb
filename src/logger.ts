import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

// Fields that hold secrets wherever they appear in a log line (docs/security.md): bearer tokens,
// share-link tokens, Stripe client secrets and signatures, passwords. Request logs carry no
// headers or bodies at all, and public paths are logged by route pattern (api/app.ts).
const redact = [
  'req.headers.authorization', 'headers.authorization', 'authorization', '*.authorization',
  'token', '*.token', 'secret', '*.secret', 'password', '*.password',
  'clientSecret', '*.clientSecret', 'client_secret', '*.client_secret',
  'req.headers["stripe-signature"]', 'headers["stripe-signature"]',
];

/** The process's structured logger; `destination` (default stdout) lets a test read what was logged. */
export function createLogger(level: string, name = 'partnerflow', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: redact, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
