import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { QueryTooCostlyError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import type { FieldWeights } from './field-weights';
import { fragmentsOf, MAX_QUERY_COST, operationCost } from './query-cost';

/** What an operation costs, and its refusal when that is more than {@link MAX_QUERY_COST} (null when it may run). */
export interface CostCheck {
  cost: number;
  refusal: QueryTooCostlyError | null;
}

/**
 * Prices an operation and refuses it when it costs too much. Checked once the document is
 * valid and the variables are known, so `first: $n` costs what `$n` asks for; both transports
 * call it before anything executes, with the `weights` of the running limits
 * (`largeFieldWeights(config)`).
 */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  weights: FieldWeights,
): CostCheck {
  const cost = operationCost(schema, operation, fragmentsOf(document.definitions), variables, weights);
  return { cost, refusal: cost > MAX_QUERY_COST ? new QueryTooCostlyError(cost, MAX_QUERY_COST) : null };
}

/**
 * Refuses over HTTP, with status 400, every operation {@link checkCost} refuses. A plugin
 * rather than a validation rule: Apollo replaces a validation error's code with
 * GRAPHQL_VALIDATION_FAILED, and validation does not see the variables.
 */
export function costLimitPlugin(weights: FieldWeights): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const { refusal } = checkCost(schema, document, operation, request.variables, weights);
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
