import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const TestWebhookDocument = graphql(`
  mutation TestWebhook($id: ID!, $event: String!, $config: TestHookConfigInput) {
    testHook(id: $id, event: $event, config: $config) {
      ok
      url
      responseStatus
      responseBody
      durationMs
      error
    }
  }
`);

/** Sends a sample of one event to the form's (unsaved) URL and headers; nothing is stored. */
export function useTestWebhook() {
  return useMutation(TestWebhookDocument);
}
