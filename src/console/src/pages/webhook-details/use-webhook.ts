import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

// The SDK's HookFields, in the details and in the update's answer: the cache refreshes every
// field the page shows from the answer, the failing state an enabling clears among them.
const WebhookDetailsDocument = graphql(`
  query WebhookDetails($id: ID!) {
    hook(id: $id) {
      ...HookFields
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
      ...HookFields
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
