import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const OverviewDocument = graphql(`
  query ConsoleOverview {
    attemptSeries(hours: 24) {
      hour
      succeeded
      failed
    }
    queue {
      due
      open
      oldestDueAt
      oldestDueAgeSeconds
    }
  }
`);

// The numbers move slowly; a refresh every 15 s keeps them current without a subscription.
const REFRESH_MS = 15_000;

/** Attempts per hour over 24 h and the queue, refreshed every 15 s. */
export function useOverview() {
  return useQuery(OverviewDocument, { pollInterval: REFRESH_MS, fetchPolicy: 'cache-and-network' });
}
