import type { ApolloServerPlugin } from '@apollo/server';
import type { DatabaseOutage } from '../db/outage';
import { isDatabaseUnavailable } from '../db/unavailable';
import { RETRY_AFTER_SECONDS, ServiceUnavailableError } from '../errors';

/**
 * Answers HTTP 503 with `Retry-After` when an operation failed because the database was
 * unavailable (the formatter has turned those errors into SERVICE_UNAVAILABLE), rather than
 * 200 with an error a client cannot tell from a bug: load balancers and HTTP clients know to
 * retry a 503.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const { body } = response;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          if (!errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/**
 * For work outside resolvers (building a request's context reads API keys): an error that
 * says the database is unavailable is reported to `outage` and rethrown as
 * ServiceUnavailableError (whose `extensions.http` Apollo answers with); any other is rethrown as it is.
 */
export function rethrowUnavailable(outage: DatabaseOutage | undefined, source: string): (error: unknown) => never {
  return (error) => {
    if (outage?.report(error, source) ?? isDatabaseUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  };
}
