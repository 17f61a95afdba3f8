import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from './db/unavailable';

/**
 * The errors resolvers and services throw on purpose. Each carries a literal
 * `extensions.code`; `formatError` passes these through and masks everything else.
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

/** An id that names nothing (or nothing this key may see). */
export class NotFoundError extends GraphQLError {
  constructor(kind: string, id: string) {
    // Echo a bounded piece of the id: enough to recognise it, not a megabyte of input back.
    const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id;
    super(`${kind} ${shown} was not found`, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** No API key, an unknown one, or a revoked one. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'a valid API key is required: send "Authorization: Bearer <key>"') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

/** A valid key without the scope the operation needs. */
export class ForbiddenError extends GraphQLError {
  constructor(needed: readonly string[]) {
    super(`this API key lacks the scope for this operation (needs ${needed.join(' or ')})`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}

/** How long a client is asked to wait before retrying what the database could not take. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The database cannot take the operation now (unreachable, restarting, out of connections,
 * locked): nothing was done, and the same request may be sent again after
 * `extensions.retryAfter` seconds. Over HTTP it answers 503 with `Retry-After` (Apollo Server
 * reads `extensions.http`, which the formatter keeps from clients).
 */
export class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super('the database is unavailable; nothing was done, retry later', {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryAfter: RETRY_AFTER_SECONDS,
        http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
      },
    });
  }
}

/** The error to answer instead of `error` when it says the database is unavailable. */
export function asServiceUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? new ServiceUnavailableError() : error;
}

/** The codes clients may see; any other error reaches them as INTERNAL_SERVER_ERROR. */
export const PUBLIC_ERROR_CODES = new Set([
  'SERVICE_UNAVAILABLE',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The code a client sees for `error`: its own when public, SERVICE_UNAVAILABLE when it says
 * the database is unavailable, INTERNAL_SERVER_ERROR otherwise.
 */
export function publicErrorCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) return code;
  return isDatabaseUnavailable(error) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
}
