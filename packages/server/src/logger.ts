/**
 * Structured JSON-line logging.
 *
 * Log lines are data, not prose: one JSON object per line so that log collectors can index
 * them. Callers must never pass personal data (IP addresses, e-mail addresses, request bodies,
 * query strings, raw URLs); the request logger in `http/request-log.ts` shows what is safe.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface JsonLoggerOptions {
  level: LogLevel;
  /** Receives one serialised line without the trailing newline. Defaults to stdout. */
  write?: (line: string) => void;
  now?: () => Date;
}

export function createJsonLogger({
  level,
  write = (line) => process.stdout.write(`${line}\n`),
  now = () => new Date(),
}: JsonLoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const emit = (lineLevel: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
    // Fields first, fixed keys last, so a field can never overwrite time, level or msg.
    write(JSON.stringify({ ...fields, time: now().toISOString(), level: lineLevel, msg: message }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** Error details that are safe to log: no driver-specific extras such as PostgreSQL's `detail`, which can echo row values. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message, stack: error.stack };
  return { errorName: typeof error };
}

/**
 * Housekeeping a request does on the side (purges of old personal data): a failure is logged,
 * with the error's name only, and does not fail the request; the next request tries again.
 */
export async function onTheSide(logger: Logger, what: string, work: Promise<unknown>): Promise<void> {
  await work.then(
    () => undefined,
    (error: unknown) => logger.warn(`${what} failed`, { error: error instanceof Error ? error.name : 'unknown' }),
  );
}
