import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { QueryTooCostlyError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import type { FieldWeights } from './field-weights';
import { fragmentsOf, MAX_QUERY_COST, operationCost } from './query-cost';

/**
 * The refusal of an operation costing more than {@link MAX_QUERY_COST}, or null when it may run.
 * Checked once the document is valid and the variables are known, so `first: $n` costs what
 * `$n` asks for; both transports call it before anything executes, with the `weights` of the
 * running limits (`largeFieldWeights(config)`).
 */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  weights: FieldWeights,
): QueryTooCostlyError | null {
  const cost = operationCost(schema, operation, fragmentsOf(document.definitions), variables, weights);
  return cost > MAX_QUERY_COST ? new QueryTooCostlyError(cost, MAX_QUERY_COST) : null;
}

/**
 * Refuses over HTTP, with status 400, every operation {@link costRefusal} refuses. A plugin
 * rather than a validation rule: Apollo replaces a validation error's code with
 * GRAPHQL_VALIDATION_FAILED, and validation does not see the variables.
 */
export function costLimitPlugin(weights: FieldWeights): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const refusal = costRefusal(schema, document, operation, request.variables, weights);
          if (refusal) {
            throw new GraphQLError(refusal.message, {
              extensions: { ...refusal.extensions, http: { status: 400, headers: new HeaderMap() } },
            });
          }
        },
      };
    },
  };
}
