import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { UnauthenticatedError } from '../errors';
import type { GraphQLContext } from '../graphql/context';

/**
 * The meta-fields that read the schema. `__typename` is not among them: it names the type of
 * an object the caller already reached, so it reveals nothing and stays open to everyone.
 */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** True when any operation or fragment of `document` selects `__schema` or `__type`. */
export function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(field) {
      if (!INTROSPECTION_FIELDS.has(field.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Answers introspection over HTTP only to a valid API key (of any scope): without one, the
 * request fails with UNAUTHENTICATED and status 401 before anything runs. An Apollo plugin
 * rather than a validation rule, because validation rules do not see the caller. Over
 * WebSocket the key is already checked when the connection opens. Codegen reads
 * schema.graphql, not the live server, so it needs no key.
 */
export function introspectionGuardPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, response }) {
          if (contextValue.principal || !introspects(document)) return;
          // Apollo answers an error thrown here with 500 unless a status is already set.
          response.http.status = 401;
          throw new UnauthenticatedError('introspection needs a valid API key: send "Authorization: Bearer <key>"');
        },
      };
    },
  };
}
