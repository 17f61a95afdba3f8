import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { DeliveryStatus, WebhookAttemptsSubscription } from '../../gql/graphql';

/** One attempt as the live feed reports it. */
export type LiveAttempt = WebhookAttemptsSubscription['deliveryUpdated'];

/** Deliveries shown per page. */
export const DELIVERIES_PAGE_SIZE = 20;

const HookDeliveriesDocument = graphql(`
  query WebhookDeliveries($hookId: ID!, $first: Int!, $after: String, $status: DeliveryStatus, $event: String, $since: DateTime, $until: DateTime) {
    deliveries(hookId: $hookId, first: $first, after: $after, status: $status, event: $event, since: $since, until: $until) {
      nodes {
        ...DeliveryFields
      }
      pageInfo {
        ...PageInfoFields
      }
      totalCount
    }
  }
`);

const HookAttemptsDocument = graphql(`
  subscription WebhookAttempts($hookId: ID) {
    deliveryUpdated(hookId: $hookId) {
      ...DeliveryUpdateFields
    }
  }
`);

const RecoverDocument = graphql(`
  mutation RecoverWebhookDeliveries($hookId: ID!, $since: DateTime!, $until: DateTime) {
    recoverFailedDeliveries(hookId: $hookId, since: $since, until: $until)
  }
`);

/** The filters of the deliveries tab. */
export interface DeliveryFilter {
  status: DeliveryStatus | null;
  /** A type or a pattern (`User.*`). */
  event: string | null;
  /** ISO times bounding the creation time; null leaves that end open. */
  since: string | null;
  until: string | null;
}

/** One page of a hook's whole delivery history, newest first, filtered. */
export function useHookDeliveries(hookId: string, filter: DeliveryFilter, after: string | null) {
  return useQuery(HookDeliveriesDocument, {
    variables: { hookId, first: DELIVERIES_PAGE_SIZE, after, ...filter },
    fetchPolicy: 'cache-and-network',
  });
}

/** Each attempt to this hook as it happens, while `live`. */
export function useHookAttempts(hookId: string, live: boolean, onAttempt: (attempt: LiveAttempt) => void) {
  useSubscription(HookAttemptsDocument, {
    variables: { hookId },
    skip: !live,
    onData: ({ data }) => {
      if (data.data) onAttempt(data.data.deliveryUpdated);
    },
  });
}

/** Re-queues the hook's FAILED and SKIPPED deliveries created in a range. */
export function useRecoverDeliveries() {
  return useMutation(RecoverDocument, { refetchQueries: ['WebhookDeliveries'] });
}
