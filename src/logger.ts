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
