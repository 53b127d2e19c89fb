import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

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

/** `json`: one JSON object a line, for machines. `pretty`: coloured, aligned lines for a person at a terminal. */
export type LogFormat = 'pretty' | 'json';

/**
 * How the process logs: LOG_FORMAT when set; otherwise JSON in production and whenever stdout
 * is not a terminal (a file, a pipe, a container's log driver), pretty lines on a terminal.
 */
export function logFormat(config: { LOG_FORMAT?: LogFormat; NODE_ENV: string }, stdoutIsTty: boolean): LogFormat {
  if (config.LOG_FORMAT) return config.LOG_FORMAT;
  if (config.NODE_ENV === 'production') return 'json';
  return stdoutIsTty ? 'pretty' : 'json';
}

type Colors = Parameters<pretty.MessageFormatFunc>[3]['colors'];

/**
 * One pretty line's text after the time and level: `[component] message`, and for a request
 * `GET /v1/sales/… → 201 (12 ms)`. The request fields are shown here rather than as JSON behind
 * the line; the request id only where someone will look for it (failures and warnings).
 */
export function prettyMessage(log: Record<string, unknown>, messageKey: string, colors: Colors): string {
  const parts: string[] = [];
  if (log.component) parts.push(colors.dim(`[${String(log.component)}]`));
  const msg = log[messageKey] === undefined ? '' : String(log[messageKey]);
  const isRequest = msg === 'request' && log.method !== undefined;
  if (msg && !isRequest) parts.push(msg);
  if (log.method !== undefined || log.path !== undefined) parts.push([log.method, log.path].filter((v) => v !== undefined).join(' '));
  const status = typeof log.status === 'number' ? log.status : undefined;
  if (status !== undefined) parts.push((status >= 500 ? colors.red : status >= 400 ? colors.yellow : colors.green)(`→ ${status}`));
  if (log.ms !== undefined) parts.push(colors.dim(`(${String(log.ms)} ms)`));
  const level = typeof log.level === 'number' ? log.level : 0;
  if (log.requestId !== undefined && (level >= 40 || (status ?? 0) >= 400)) parts.push(colors.dim(`request ${String(log.requestId)}`));
  return parts.join(' ');
}

export interface LoggerOptions {
  format?: LogFormat;
  name?: string;
  /** Where the lines go (stdout by default): tests pass a stream to read them. */
  destination?: DestinationStream;
  /** Pretty format only: colours (default: when stdout is a terminal that has them; NO_COLOR and FORCE_COLOR apply). */
  colorize?: boolean;
}

export function createLogger(level: string, opts: LoggerOptions = {}): Logger {
  const options = { name: opts.name ?? 'partnerflow', level, redact: { paths: redact, censor: '[redacted]' } };
  if (opts.format !== 'pretty') return opts.destination ? pino(options, opts.destination) : pino(options);
  const stream = pretty({
    colorize: opts.colorize ?? (process.stdout.isTTY === true && process.stdout.hasColors()),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name,component,method,path,status,ms,requestId',
    singleLine: true,
    // Synchronous: the last lines before an exit (a failed start) are not lost.
    sync: true,
    messageFormat: (log, messageKey, _label, { colors }) => prettyMessage(log, messageKey, colors),
    ...(opts.destination && { destination: opts.destination }),
  });
  return pino(options, stream);
}
