import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const WebhookDetailsDocument = graphql(`
  query WebhookDetails($id: ID!) {
    hook(id: $id) {
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
      failingSince
      createdAt
      updatedAt
      executionStats {
        requestCount
        successCount
      }
    }
  }
`);

const UpdateWebhookDocument = graphql(`
  mutation UpdateWebhook($id: ID!, $input: UpdateHookInput!) {
    updateHook(id: $id, input: $input) {
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
