/**
 * Errors that mean "the database cannot take this now, try again soon": it is unreachable,
 * restarting, out of connections or busy, as opposed to a query that is wrong. Each dialect
 * says so its own way; an error's shape tells which dialect raised it, so one check serves
 * both. The ORM's exceptions copy the driver's `code` onto themselves, and errors that wrap
 * another (`originalError` of a GraphQL error, `cause`) are looked through.
 */

// Node's socket errors, on the way to a PostgreSQL server (or a TCP proxy in front of it).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN']);

// PostgreSQL SQLSTATEs. Class 08 (connection exception) by code, not by prefix: 08P01
// (protocol_violation) is the server refusing what the client sent, e.g. a NUL byte in a
// string parameter, which retrying repeats; the others are a connection that failed, was
// refused or was lost (08007: lost during COMMIT). Class 53 (insufficient resources: too many
// connections 53300, out of memory, disk full) by prefix; operator intervention that ends or
// refuses sessions (shutdown, crash, starting up) by code.
const POSTGRES_CLASSES = ['53'];
const POSTGRES_CODES = new Set(['08000', '08001', '08003', '08004', '08006', '08007', '57P01', '57P02', '57P03', '57P05']);

// node-postgres and its pool report a lost or unobtainable connection without a code.
const POSTGRES_MESSAGES = [
  /^Connection terminated/,
  /is not queryable$/,
  /^timeout exceeded when trying to connect$/,
  /^the database system is (starting up|shutting down|in recovery mode)/,
];

// SQLite (libsql): another connection holds the lock past busy_timeout, or the file cannot be
// opened, read or grown right now.
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN']);

// The pool (knex, wrapping tarn's) ran out of time waiting for a free connection.
const POOL_ERRORS = new Set(['KnexTimeoutError']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/** True when `error`, or an error it wraps, says the database is unavailable for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // A few levels are enough: GraphQLError → ORM exception → driver error → its cause.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (saysUnavailable(current as ErrorShape)) return true;
    const { originalError, cause } = current as ErrorShape;
    current = originalError ?? cause;
  }
  return false;
}

function saysUnavailable({ name, code, message }: ErrorShape): boolean {
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SQLITE_CODES.has(code) || POSTGRES_CODES.has(code)) return true;
    // A SQLite extended code (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE…) names its primary code first.
    if (code.startsWith('SQLITE_') && SQLITE_CODES.has(code.split('_', 2).join('_'))) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && POSTGRES_CLASSES.includes(code.slice(0, 2))) return true;
  }
  if (typeof name === 'string' && POOL_ERRORS.has(name)) return true;
  return typeof message === 'string' && POSTGRES_MESSAGES.some((pattern) => pattern.test(message));
}
