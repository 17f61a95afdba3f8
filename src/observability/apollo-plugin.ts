import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { publicErrorCode } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';

/**
 * Observes every GraphQL request over HTTP: counts operations and errors by operation type
 * and name, and logs one line per request at `info` with its request id, operation, duration
 * and error codes. Variables and results are never logged: they carry keys and payloads.
 */
export function observabilityPlugin(metrics: Metrics, logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      return {
        async didResolveOperation({ operation, operationName }) {
          metrics.recordOperation(operation?.operation ?? 'unknown', operationName);
        },
        async didEncounterErrors({ errors, operation, operationName }) {
          for (const error of errors) metrics.recordError(operation?.operation ?? 'unknown', operationName, publicErrorCode(error));
        },
        async willSendResponse({ response, operation, operationName, request }) {
          const { body } = response;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          logger.info(
            {
              requestId: contextValue.requestId,
              operationType: operation?.operation ?? null,
              operationName: operationName ?? request.operationName ?? null,
              durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
              errorCodes: (errors ?? []).map(formattedCode),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

function formattedCode(error: GraphQLFormattedError): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
