import type { GraphQLError } from 'graphql';

// graphql-js appends its suggestions to the message (didYouMean.js); Apollo's
// `hideSchemaDetailsFromClientErrors` strips them with this same pattern over HTTP.
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * A validation error without graphql-js's `Did you mean "signingKey"?`: a suggestion names
 * schema fields, types and arguments to anyone, key or not, who can send a misspelt document;
 * the schema is for valid keys to introspect (introspection-guard.ts).
 */
export function withoutSchemaSuggestions(error: GraphQLError): GraphQLError {
  error.message = error.message.replace(SUGGESTION, '');
  return error;
}
