import { createJsonLogger, type Logger } from '../../src/logger.js';

export const silentLogger: Logger = createJsonLogger({ level: 'silent' });

/** A real JSON-line logger whose lines land in memory, for assertions on what gets logged. */
export function captureLogs(): { logger: Logger; lines: string[]; entries(): Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const logger = createJsonLogger({ level: 'debug', write: (line) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
