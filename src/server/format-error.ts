import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { DatabaseOutage } from '../db/outage';
import { publicErrorCode, ServiceUnavailableError, userErrorOf } from '../errors';
import type { Logger } from '../logger';

/**
 * Builds the one error formatter: errors hookwire raises on purpose (and graphql-js's own
 * parse and validation errors) pass through with their code, a lower layer's user error becomes
 * the API error it stands for (`userErrorOf`); an error that says the database
 * is unavailable becomes SERVICE_UNAVAILABLE (retryable; reported to `outage`, which logs an
 * outage once, not once per request); anything else is an internal fault, logged in full and
 * shown to the client only as INTERNAL_SERVER_ERROR. `extensions.http` (the HTTP status and
 * headers an error asks for) is for the server, never sent to clients.
 */
export function createErrorFormatter(logger: Logger, outage?: DatabaseOutage) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A lower layer's user error (a bad page argument) is shown as the API error it stands for.
    const userError = userErrorOf(error);
    if (userError !== null) return { message: userError.message, path: formatted.path, locations: formatted.locations, extensions: userError.extensions };
    // The code as formatted (Apollo adds its own), and `error` to look through for an outage.
    const code = publicErrorCode(
      new GraphQLError(formatted.message, { extensions: formatted.extensions, originalError: error instanceof Error ? error : undefined }),
    );
    if (code !== 'INTERNAL_SERVER_ERROR' && code === formatted.extensions?.code) {
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (code === 'SERVICE_UNAVAILABLE') {
      // Without an outage log (a caller that has none), a line without a stack: the stack only says where it was noticed.
      if (!outage?.report(error, 'graphql')) logger.warn({ error: String((error as Error).message), path: formatted.path }, 'database unavailable');
      const unavailable = new ServiceUnavailableError();
      const { http: _http, ...extensions } = unavailable.extensions;
      return { message: unavailable.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    logger.error({ err: error, path: formatted.path }, 'internal error in a GraphQL operation');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * graphql-ws's `onNext`: a result without errors is returned as it is; one with errors gets
 * them formatted by `createErrorFormatter`. Shared subscriptions hand one result object to
 * every member of a group, so the formatted copy is kept per result: its errors are
 * formatted (and an internal one logged) once, not once per subscriber.
 */
export function createResultFormatter(logger: Logger, outage?: DatabaseOutage) {
  const formatError = createErrorFormatter(logger, outage);
  const formatted = new WeakMap<ExecutionResult, FormattedExecutionResult>();
  return (result: ExecutionResult): FormattedExecutionResult | ExecutionResult => {
    if (!result.errors) return result;
    let value = formatted.get(result);
    if (!value) {
      value = { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) };
      formatted.set(result, value);
    }
    return value;
  };
}
