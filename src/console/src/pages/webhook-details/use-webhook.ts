import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

// WebhookSettings is what the settings tab edits: the update answers with it, so the cache
// refreshes the details page's copy of the hook.
const WebhookDetailsDocument = graphql(`
  query WebhookDetails($id: ID!) {
    hook(id: $id) {
      ...WebhookSettings
      failingSince
      createdAt
      executionStats {
        requestCount
        successCount
      }
    }
  }

  fragment WebhookSettings on Hook {
    id
    name
    url
    events
    headers {
      name
      value
    }
    enabled
    ordered
    rateLimit
    disabledAt
    disabledReason
    updatedAt
  }
`);

const UpdateWebhookDocument = graphql(`
  mutation UpdateWebhook($id: ID!, $input: UpdateHookInput!) {
    updateHook(id: $id, input: $input) {
      ...WebhookSettings
    }
  }
`);

const DeleteWebhookDocument = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteHook(id: $id)
  }
`);

/** One hook with its 24 h stats (no secrets: READ keys read this too). */
export function useWebhook(id: string) {
  return useQuery(WebhookDetailsDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
}

/** Changes some of a hook's fields; the cache updates from the answer. */
export function useUpdateWebhook() {
  return useMutation(UpdateWebhookDocument);
}

/** Deletes a hook with its deliveries. */
export function useDeleteWebhook() {
  return useMutation(DeleteWebhookDocument, { refetchQueries: ['WebhooksPage'] });
}
