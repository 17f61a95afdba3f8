import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateWebhookDocument = graphql(`
  mutation CreateWebhook($input: CreateHookInput!) {
    createHook(input: $input) {
      id
      name
    }
  }
`);

/** Creates a hook; the list is read again so it shows up there. */
export function useCreateHook() {
  return useMutation(CreateWebhookDocument, { refetchQueries: ['WebhooksPage'] });
}
