import { pino, type DestinationStream, type Logger } from 'pino';

// Object paths whose values are secrets, wherever a log call puts them. `*` matches one level.
const REDACT_PATHS = [
  'signingKey',
  '*.signingKey',
  'retiredSigningKeys',
  '*.retiredSigningKeys',
  'key',
  '*.key',
  'apiKey',
  '*.apiKey',
  'adminKey',
  '*.adminKey',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'req.headers.authorization',
  'connectionParams.authorization',
  '*.connectionParams.authorization',
];

// Paths catch secrets under known names; this catches them anywhere else (an error message,
// a stack, a URL): API keys and signing keys have recognisable prefixes.
const SECRET_VALUES = /\b(hwk|whsec)_[A-Za-z0-9+/=_-]+/g;

/**
 * The process logger: JSON lines to `destination` (default stdout), with secrets redacted
 * by path and, as a last line of defence, by their `hwk_`/`whsec_` shape in the written line.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hookwire' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: (line) => line.replace(SECRET_VALUES, '$1_[redacted]') },
    },
    destination,
  );
}

export type { Logger };

/**
 * The log calls hookwire's parts make, declared once for all of them (the engine, the outage
 * log, metrics, the live feed): pino's logger fits, and tests hand in a small fake. Parts
 * import it as a type only, so none of them loads pino.
 */
export interface LogPort {
  debug(object: object, message: string): void;
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
  /** When present, lets the hot path skip building lines nobody reads. */
  isLevelEnabled?(level: string): boolean;
}
