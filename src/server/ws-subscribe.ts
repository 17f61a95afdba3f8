import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { BadUserInputError, OperationResolutionError, ParseFailedError, ValidationFailedError } from '../errors';
import { checkCost, type CostCheck } from './cost-limit';
import type { FieldWeights } from './field-weights';
import { withoutSchemaSuggestions } from './schema-suggestions';
import { PARSE_OPTIONS } from './limits';
import { isStorableJson, UNSTORABLE_TEXT_MESSAGE } from './text-guard';

/** An operation that passed every check, about to run. */
export interface CheckedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Readonly<Record<string, unknown>> | null | undefined;
  /** What it costs (query-cost.ts), priced once by the cost limit. */
  cost: number;
}

/**
 * Called last, once an operation passed every other check; a returned error refuses it (an
 * `error` message for its id) instead of running it. ws.ts charges subscriptions here.
 */
export type AdmitOperation = (ctx: object, id: string, checked: CheckedOperation) => GraphQLError | null;

/** Why graphql-js threw (instead of reporting) on a document: its recursion ran out of stack. */
const TOO_COMPLEX = 'the document is too deeply nested or too long to be read';

/**
 * graphql-ws's `onSubscribe`: refuses a payload holding a string that cannot be stored
 * (`BAD_USER_INPUT`, as text-guard.ts does over HTTP), parses the document (at most
 * `PARSE_OPTIONS.maxTokens` tokens) and validates it (with `rules` besides graphql-js's own),
 * and returns what is wrong with it as errors carrying the codes Apollo uses over HTTP
 * (`GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`, `OPERATION_RESOLUTION_FAILURE`), then
 * refuses what costs too much (`QUERY_TOO_COSTLY`: the cost needs the variables, which
 * graphql-ws's own `validate` hook never sees), then asks `admit`.
 * graphql-ws answers returned errors with an `error` message for that operation id and keeps the
 * socket open; an exception would close the whole socket (4500) and with it every other
 * operation on it, so one thrown while reading the document (graphql-js recurses, and a deep
 * enough document overflows the stack) is answered as the parse or validation failure it is.
 */
export function createOnSubscribe(schema: GraphQLSchema, rules: readonly ValidationRule[], weights: FieldWeights, admit?: AdmitOperation) {
  const allRules = [...specifiedRules, ...rules];
  return (ctx: object, id: string, payload: SubscribePayload): ExecutionArgs | GraphQLError[] => {
    if (!isStorableJson(payload)) return [new BadUserInputError(UNSTORABLE_TEXT_MESSAGE)];
    let document;
    try {
      document = parse(payload.query, PARSE_OPTIONS);
    } catch (error) {
      return [new ParseFailedError(error instanceof GraphQLError ? error : new GraphQLError(TOO_COMPLEX))];
    }
    try {
      const invalid = validate(schema, document, allRules);
      if (invalid.length > 0) return invalid.map((error) => new ValidationFailedError(withoutSchemaSuggestions(error)));
    } catch {
      return [new ValidationFailedError(new GraphQLError(TOO_COMPLEX))];
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [new OperationResolutionError(payload.operationName)];
    let priced: CostCheck;
    try {
      priced = checkCost(schema, document, operation, payload.variables, weights);
    } catch {
      // The cost walk recurses like validation; validation passed, so this is its stack alone.
      return [new ValidationFailedError(new GraphQLError(TOO_COMPLEX))];
    }
    const refusal = priced.refusal ?? admit?.(ctx, id, { document, operation, variables: payload.variables, cost: priced.cost }) ?? null;
    if (refusal) return [refusal];
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}
