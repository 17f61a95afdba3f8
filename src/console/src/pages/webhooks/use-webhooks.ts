import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import type { Reference } from '@apollo/client';
import { graphql } from '../../gql';
import type { HookExecutionStats } from '../../gql/graphql';

/** Hooks shown per page of the list. */
export const PAGE_SIZE = 20;

const WebhooksPageDocument = graphql(`
  query WebhooksPage($first: Int!, $after: String) {
    hooks(first: $first, after: $after) {
      nodes {
        id
        name
        events
        enabled
        disabledReason
        failingSince
        executionStats {
          requestCount
          successCount
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const LiveAttemptsDocument = graphql(`
  subscription LiveAttempts($hookId: ID) {
    deliveryUpdated(hookId: $hookId) {
      deliveryId
      hookId
      succeeded
      status
      startedAt
    }
  }
`);

/** One page of hooks with their 24 h stats: one request per page, never one per hook. */
export function useWebhooksPage(after: string | null) {
  return useQuery(WebhooksPageDocument, { variables: { first: PAGE_SIZE, after }, fetchPolicy: 'cache-and-network' });
}

/**
 * Counts each attempt into its hook's cached 24 h stats as it happens (`deliveryUpdated`), so
 * the list and the details header update live without a request. `hookId` narrows to one hook.
 */
export function useLiveStats(hookId?: string): void {
  const client = useApolloClient();
  useSubscription(LiveAttemptsDocument, {
    variables: { hookId: hookId ?? null },
    onData: ({ data }) => {
      const update = data.data?.deliveryUpdated;
      if (!update) return;
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Hook', id: update.hookId }),
        fields: {
          executionStats: (stats: HookExecutionStats | Reference, { isReference }) =>
            isReference(stats)
              ? stats
              : { ...stats, requestCount: stats.requestCount + 1, successCount: stats.successCount + (update.succeeded ? 1 : 0) },
          failingSince: (since: string | null) => (update.succeeded ? null : (since ?? update.startedAt)),
        },
      });
    },
  });
}
