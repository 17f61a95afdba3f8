import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

const EventTypesDocument = graphql(`
  query ConsoleEventTypes {
    eventTypes {
      name
      group
      description
    }
  }
`);

/** The event catalogue (built-in and custom types). */
export function useEventTypes() {
  return useQuery(EventTypesDocument);
}
