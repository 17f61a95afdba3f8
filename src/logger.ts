import { pino, type Logger } from 'pino';

/** The process logger: JSON lines, with secrets redacted wherever they appear in a log object. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'hookwire' },
    redact: {
      paths: [
        'signingKey',
        '*.signingKey',
        'key',
        '*.key',
        'apiKey',
        'authorization',
        '*.authorization',
        'headers.authorization',
        '*.headers.authorization',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
