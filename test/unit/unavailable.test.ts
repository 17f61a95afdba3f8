import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows each dialect’s ways of saying the database cannot take it now', () => {
    // PostgreSQL: connection exceptions (08…), too many connections and other missing resources (53…), shutdown and start-up (57P0x).
    for (const code of ['08000', '08003', '08006', '08001', '08004', '08007', '53300', '53100', '57P01', '57P03']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    for (const message of ['Connection terminated unexpectedly', 'Client has encountered a connection error and is not queryable', 'timeout exceeded when trying to connect']) {
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
    }
    // SQLite: locked past the busy timeout, or the file cannot be used now (extended codes too).
    for (const code of ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_IOERR_WRITE', 'SQLITE_FULL']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    // The network on the way, and the pool's wait for a connection.
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }))).toBe(true);
  });

  it('leaves alone errors in the query or the data', () => {
    // 08P01 (protocol_violation) is class 08 too, yet it is the request at fault (a NUL in a parameter).
    for (const code of ['23505', '42P01', '40001', '08P01', 'SQLITE_CONSTRAINT', 'SQLITE_ERROR', 'BAD_USER_INPUT']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('looks through the errors that wrap the driver’s', () => {
    const driver = withCode('57P01', 'terminating connection due to administrator command');
    const orm = new Error('wrapped', { cause: driver });
    expect(isDatabaseUnavailable(new GraphQLError('resolver failed', { originalError: orm }))).toBe(true);
  });
});
