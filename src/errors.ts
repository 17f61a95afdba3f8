import { GraphQLError } from 'graphql';
import { PageArgumentError } from './db/page';
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

/** A valid key without the scope the operation (or one field of its answer) needs. */
export class ForbiddenError extends GraphQLError {
  constructor(needed: readonly string[], what = 'this operation') {
    super(`this API key lacks the scope for ${what} (needs ${needed.join(' or ')})`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}

/** A request that contradicts what was stored before, e.g. an idempotency key reused with another input. */
export class ConflictError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'CONFLICT', ...(field ? { field } : {}) } });
  }
}

/** A custom event type that hooks still name: it cannot be deleted until they stop. */
export class EventTypeInUseError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'EVENT_TYPE_IN_USE' } });
  }
}

/** An operation whose answer could be larger than the server computes for one request. */
export class QueryTooCostlyError extends GraphQLError {
  constructor(cost: number, limit: number) {
    super(
      `the operation costs ${cost}, more than the limit of ${limit}: ask for smaller pages (\`first\`), fewer nested lists or fewer aliases`,
      { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit } },
    );
  }
}

/** A subscription over the most one WebSocket connection, or one API key on one process, may hold live. */
export class TooManySubscriptionsError extends GraphQLError {
  constructor(per: 'connection' | 'key', limit: number) {
    super(`this ${per === 'key' ? 'API key' : 'connection'} holds ${limit} live subscriptions, the most it may: complete one before starting another`, {
      extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', per, limit },
    });
  }
}

/**
 * A subscription that would take the cost of its key's live subscriptions on one process past
 * the limit: each runs again for every event, so together they are what one event costs.
 */
export class SubscriptionBudgetError extends GraphQLError {
  constructor(cost: number, live: number, limit: number) {
    super(
      `the subscription costs ${cost} and this API key's live subscriptions cost ${live} already, more together than the limit of ${limit}: complete some, or select less`,
      { extensions: { code: 'QUERY_TOO_COSTLY', cost, live, limit } },
    );
  }
}

/**
 * A field of large stored text (a payload, a request or response body) past what one answer
 * may carry (`HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES`): the fields before it in the answer are
 * intact, it and the rest of those fields are null with this error, and nothing of them was
 * parsed or sent.
 */
export class ResponseTooLargeError extends GraphQLError {
  constructor(limit: number) {
    super(
      `the answer would carry more than ${limit} bytes of payloads and bodies: ask for smaller pages (\`first\`) or fewer of these fields, and read the rest page by page`,
      { extensions: { code: 'RESPONSE_TOO_LARGE', limit } },
    );
  }
}

/** A document that is not GraphQL: Apollo's code for the same failure over HTTP. */
export class ParseFailedError extends GraphQLError {
  constructor(error: GraphQLError) {
    super(error.message, { source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  }
}

/** A document the schema or a limit rule rejects: Apollo's code for the same failure over HTTP. */
export class ValidationFailedError extends GraphQLError {
  constructor(error: GraphQLError) {
    super(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  }
}

/** A document without the operation the request names (or with several and no name). */
export class OperationResolutionError extends GraphQLError {
  constructor(operationName: string | null | undefined) {
    super(operationName ? `the document has no operation named "${operationName}"` : 'the document must name the operation to run: it holds several', {
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
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

/** The codes clients may see; any other error reaches them as INTERNAL_SERVER_ERROR. */
export const PUBLIC_ERROR_CODES = new Set([
  'SERVICE_UNAVAILABLE',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'EVENT_TYPE_IN_USE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_SUBSCRIPTIONS',
  'RESPONSE_TOO_LARGE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The API's error for an error a lower layer raised that is the caller's fault: a page
 * argument storage cannot read a page for (db/page.ts) is BAD_USER_INPUT naming the argument.
 * Looked for through `originalError` (a resolver's error, wrapped by graphql-js) and `cause`.
 */
export function userErrorOf(error: unknown): BadUserInputError | null {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    if (current instanceof PageArgumentError) return new BadUserInputError(current.message, current.argument);
    const { originalError, cause } = current as { originalError?: unknown; cause?: unknown };
    current = originalError ?? cause;
  }
  return null;
}

/**
 * The code a client sees for `error`: its own when public, BAD_USER_INPUT for a lower layer's
 * user error (see {@link userErrorOf}), SERVICE_UNAVAILABLE when it says the database is
 * unavailable, INTERNAL_SERVER_ERROR otherwise.
 */
export function publicErrorCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) return code;
  if (userErrorOf(error) !== null) return 'BAD_USER_INPUT';
  return isDatabaseUnavailable(error) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
}
