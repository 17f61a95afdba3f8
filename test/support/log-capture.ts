import { createLogger, type Logger } from '../../src/logger';
import { eventually } from './wait';

/** One JSON log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg: string };

/** pino's numeric levels, by name. */
export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;

/** A real pino logger (hookwire's own, redaction included) whose lines are kept in memory. */
export interface LogCapture {
  logger: Logger;
  lines: LogLine[];
  /** Lines with this message (and, if given, these fields). */
  find(msg: string, fields?: Record<string, unknown>): LogLine[];
  /** Waits until `find(msg, fields)` has at least `count` lines; returns them. */
  waitFor(msg: string, fields?: Record<string, unknown>, count?: number, timeoutMs?: number): Promise<LogLine[]>;
}

/** Starts capturing at `level`; pass `logger` as `AppOverrides.logger`. */
export function captureLogs(level = 'debug'): LogCapture {
  const lines: LogLine[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const find = (msg: string, fields: Record<string, unknown> = {}) =>
    lines.filter((line) => line.msg === msg && Object.entries(fields).every(([key, value]) => line[key] === value));
  return {
    logger,
    lines,
    find,
    waitFor: (msg, fields, count = 1, timeoutMs = 10_000) =>
      eventually(() => {
        const found = find(msg, fields);
        return found.length >= count ? found : undefined;
      }, timeoutMs),
  };
}
