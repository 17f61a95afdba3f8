import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { LiveEventsSubscription } from '../../gql/graphql';

/** Events shown per page. */
export const EVENTS_PAGE_SIZE = 20;

const EventLogDocument = graphql(`
  query EventLog($first: Int!, $after: String, $types: [String!], $since: DateTime, $until: DateTime) {
    events(first: $first, after: $after, types: $types, since: $since, until: $until) {
      nodes {
        id
        event
        createdAt
        idempotencyKey
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const LiveEventsDocument = graphql(`
  subscription LiveEvents($types: [String!]) {
    events(types: $types) {
      id
      event
      createdAt
      idempotencyKey
    }
  }
`);

const EventDetailsDocument = graphql(`
  query EventDetails($id: ID!) {
    event(id: $id) {
      id
      event
      payload
      idempotencyKey
      createdAt
      deliveries(first: 100) {
        nodes {
          id
          hookId
          status
          attemptCount
          lastError
          updatedAt
        }
        totalCount
      }
    }
  }
`);

const ReplayDocument = graphql(`
  mutation ConsoleReplayEvent($eventId: ID!, $hookId: ID!) {
    replayEvent(eventId: $eventId, hookId: $hookId) {
      id
      hookId
      status
    }
  }
`);

/** The filters of the event log: types or patterns, and a creation-time range (ISO, null for open). */
export interface EventFilter {
  types: string[] | null;
  since: string | null;
  until: string | null;
}

/** One page of the event log, newest first. */
export function useEventLog(filter: EventFilter, after: string | null) {
  return useQuery(EventLogDocument, { variables: { first: EVENTS_PAGE_SIZE, after, ...filter }, fetchPolicy: 'cache-and-network' });
}

/** One live event as the tail shows it. */
export type LiveEvent = LiveEventsSubscription['events'];

/** Every emitted event matching `types`, as it is emitted, while `live`. */
export function useEventTail(types: string[] | null, live: boolean, onEvent: (event: LiveEvent) => void): void {
  useSubscription(LiveEventsDocument, {
    variables: { types },
    skip: !live,
    onData: ({ data }) => {
      if (data.data) onEvent(data.data.events);
    },
  });
}

/** One event with its payload and its delivery to each hook. */
export function useEventDetails(id: string) {
  return useQuery(EventDetailsDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
}

/** Delivers a stored event to a hook (again). */
export function useReplayEvent() {
  return useMutation(ReplayDocument, { refetchQueries: ['EventDetails'] });
}
