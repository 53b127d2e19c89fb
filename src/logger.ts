import pino, { type Logger } from 'pino';

export type { Logger };

const redact = ['req.headers.authorization', 'authorization', 'token', '*.token', 'secret', '*.secret', 'password'];

export function createLogger(level: string, name = 'partnerflow'): Logger {
  return pino({ name, level, redact: { paths: redact, censor: '[redacted]' } });
}
