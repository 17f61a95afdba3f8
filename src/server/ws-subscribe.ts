import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { OperationResolutionError, ParseFailedError, ValidationFailedError } from '../errors';
import { costRefusal } from './cost-limit';
import type { FieldWeights } from './field-weights';
import { withoutSchemaSuggestions } from './schema-suggestions';

/**
 * graphql-ws's `onSubscribe`: parses and validates the document itself (with `rules` besides
 * graphql-js's own) and returns what is wrong with it as errors carrying the codes Apollo uses
 * over HTTP (`GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`, `OPERATION_RESOLUTION_FAILURE`),
 * then refuses what costs too much (`QUERY_TOO_COSTLY`: the cost needs the variables, which
 * graphql-ws's own `validate` hook never sees).
 * graphql-ws answers returned errors with an `error` message for that operation id and keeps the
 * socket open; left to itself it lets a syntax error escape as an exception, which closes the
 * whole socket (4500) and with it every other operation on it.
 */
export function createOnSubscribe(schema: GraphQLSchema, rules: readonly ValidationRule[], weights: FieldWeights) {
  const allRules = [...specifiedRules, ...rules];
  return (_ctx: unknown, _id: string, payload: SubscribePayload): ExecutionArgs | GraphQLError[] => {
    let document;
    try {
      document = parse(payload.query);
    } catch (error) {
      if (error instanceof GraphQLError) return [new ParseFailedError(error)];
      throw error;
    }
    const invalid = validate(schema, document, allRules);
    if (invalid.length > 0) return invalid.map((error) => new ValidationFailedError(withoutSchemaSuggestions(error)));
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [new OperationResolutionError(payload.operationName)];
    const refusal = costRefusal(schema, document, operation, payload.variables, weights);
    if (refusal) return [refusal];
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}
