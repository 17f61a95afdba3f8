import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * The largest request hookwire reads: an HTTP body, or one WebSocket frame (a graphql-ws
 * message). It must fit the largest event payload, JSON-escaped, plus the rest of the document.
 */
export function requestSizeLimit(maxPayloadBytes: number): number {
  return maxPayloadBytes * 2 + 64 * 1024;
}

/**
 * The most tokens (names, punctuation, values) graphql-js reads from one document before it
 * gives up with a syntax error, over HTTP (Apollo's `parseOptions`) and WebSocket alike. The
 * largest SDK operation file holds 389 tokens and the console's largest document 87. Without
 * it a body of the full size (576 KiB) is about 150,000 tokens: 0.3-0.4 s to parse and
 * validate, and a chain of 5,000 fragments spreading each other overflows the stack in
 * graphql-js's validation rules. An event payload written inline counts too: send it as a
 * variable (the SDK does).
 */
export const MAX_DOCUMENT_TOKENS = 20_000;

/** graphql-js's `parse` options for every document hookwire reads. */
export const PARSE_OPTIONS = Object.freeze({ maxTokens: MAX_DOCUMENT_TOKENS });

/** The deepest selection a query may nest (introspection excepted). Real queries need about 6. */
export const MAX_QUERY_DEPTH = 10;
/** The most aliased fields a document may hold: aliases are how one request multiplies its cost. */
export const MAX_ALIASES = 30;

// `depths` keeps each fragment's depth once computed: walked afresh at every spread, a chain of
// 30 fragments each spreading the next twice is 2^30 walks (a 2 KB document, minutes of CPU).
function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
  depths: Map<string, number>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Tools introspect with deeply nested `ofType` chains; that is schema data, not load.
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, visiting, depths));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, visiting, depths));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visiting.has(name)) continue; // cycles are reported by graphql-js itself
      let depth = depths.get(name);
      if (depth === undefined) {
        visiting.add(name);
        depth = depthOf(fragment.selectionSet, fragments, visiting, depths);
        visiting.delete(name);
        depths.set(name, depth);
      }
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

/** A validation rule rejecting operations nested deeper than MAX_QUERY_DEPTH. */
export function depthLimitRule(context: ValidationContext): ASTVisitor {
  const document = context.getDocument();
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return {
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, fragments, new Set(), new Map());
      if (depth > MAX_QUERY_DEPTH) {
        context.reportError(
          new GraphQLError(`the operation nests ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`, {
            nodes: [operation],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
}

/** A validation rule rejecting documents with more than MAX_ALIASES aliased fields. */
export function aliasLimitRule(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  return {
    Field(field) {
      if (field.alias) aliases++;
    },
    Document: {
      leave(document) {
        if (aliases > MAX_ALIASES) {
          context.reportError(
            new GraphQLError(`the document uses ${aliases} aliases; at most ${MAX_ALIASES} are allowed`, {
              nodes: [document],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      },
    },
  };
}

/**
 * The extra rules every GraphQL document passes, over HTTP and WebSocket alike. The cost limit
 * (cost-limit.ts) is checked after them, once the variables are known.
 */
export const LIMIT_RULES = [depthLimitRule, aliasLimitRule];
