import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const SigningKeyDocument = graphql(`
  query WebhookSigningKey($id: ID!) {
    hook(id: $id) {
      id
      signingKey
      retiredSigningKeys {
        key
        expiresAt
      }
    }
  }
`);

const RegenerateKeyDocument = graphql(`
  mutation RegenerateWebhookKey($id: ID!, $gracePeriod: String) {
    regenerateSigningKey(id: $id, gracePeriod: $gracePeriod) {
      id
      signingKey
      retiredSigningKeys {
        key
        expiresAt
      }
    }
  }
`);

const EndRetiredKeysDocument = graphql(`
  mutation EndRetiredWebhookKeys($id: ID!) {
    endRetiredSigningKeys(id: $id) {
      id
      signingKey
      retiredSigningKeys {
        key
        expiresAt
      }
    }
  }
`);

/** The hook's signing key and retired keys: ADMIN keys only, so skipped for READ keys. */
export function useSigningKey(id: string, skip: boolean) {
  return useQuery(SigningKeyDocument, { variables: { id }, skip });
}

/** A new signing key; the old one keeps signing for the grace period. */
export function useRegenerateKey() {
  return useMutation(RegenerateKeyDocument);
}

/** Ends every retired key's grace period now. */
export function useEndRetiredKeys() {
  return useMutation(EndRetiredKeysDocument);
}
