import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

// Both mutations answer with the keys the card shows, so the cache refreshes it.
const SigningKeyDocument = graphql(`
  query WebhookSigningKey($id: ID!) {
    hook(id: $id) {
      ...SigningKeys
    }
  }

  fragment SigningKeys on Hook {
    id
    signingKey
    retiredSigningKeys {
      key
      expiresAt
    }
  }
`);

const RegenerateKeyDocument = graphql(`
  mutation RegenerateWebhookKey($id: ID!, $gracePeriod: String) {
    regenerateSigningKey(id: $id, gracePeriod: $gracePeriod) {
      ...SigningKeys
    }
  }
`);

const EndRetiredKeysDocument = graphql(`
  mutation EndRetiredWebhookKeys($id: ID!) {
    endRetiredSigningKeys(id: $id) {
      ...SigningKeys
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
