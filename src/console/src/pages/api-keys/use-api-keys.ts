import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const ApiKeysDocument = graphql(`
  query ConsoleApiKeys($first: Int!, $after: String) {
    apiKeys(first: $first, after: $after) {
      nodes {
        id
        name
        scopes
        createdAt
        revokedAt
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const CreateKeyDocument = graphql(`
  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
      }
    }
  }
`);

const RevokeKeyDocument = graphql(`
  mutation ConsoleRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

/** Keys listed per page. */
export const KEYS_PAGE_SIZE = 20;

/** One page of API keys (ADMIN only: skipped for other keys). */
export function useApiKeys(after: string | null, skip: boolean) {
  return useQuery(ApiKeysDocument, { variables: { first: KEYS_PAGE_SIZE, after }, skip, fetchPolicy: 'cache-and-network' });
}

/** Creates a key; its secret is in this answer only. */
export function useCreateApiKey() {
  return useMutation(CreateKeyDocument, { refetchQueries: ['ConsoleApiKeys'] });
}

/** Revokes a key at once. */
export function useRevokeApiKey() {
  return useMutation(RevokeKeyDocument);
}
