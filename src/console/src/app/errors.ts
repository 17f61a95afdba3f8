import { CombinedGraphQLErrors } from '@apollo/client';

/** The `extensions.code` of an Apollo error's first GraphQL error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code as string | undefined;
  return undefined;
}

/** The field a BAD_USER_INPUT error names (`extensions.field`), if any. */
export function errorField(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.field as string | undefined;
  return undefined;
}

/** A sentence for a person: the server's message for GraphQL errors, else the transport's. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((item) => item.message).join('; ');
  if (error instanceof Error) return error.message;
  return String(error);
}
