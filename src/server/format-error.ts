import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { PUBLIC_ERROR_CODES } from '../errors';
import type { Logger } from '../logger';

/**
 * Builds the one error formatter: errors hookwire raises on purpose (and graphql-js's own
 * parse and validation errors) pass through with their code; anything else is an internal
 * fault, logged in full and shown to the client only as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
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
export function createResultFormatter(logger: Logger) {
  const formatError = createErrorFormatter(logger);
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
