import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateTypeDocument = graphql(`
  mutation ConsoleCreateEventType($input: CreateEventTypeInput!) {
    createEventType(input: $input) {
      name
      group
      description
    }
  }
`);

const DeleteTypeDocument = graphql(`
  mutation ConsoleDeleteEventType($name: String!) {
    deleteEventType(name: $name) {
      name
    }
  }
`);

/** Registers a custom type; the catalogue is read again. */
export function useCreateEventType() {
  return useMutation(CreateTypeDocument, { refetchQueries: ['ConsoleEventTypes'] });
}

/** Deletes a custom type; the catalogue is read again. */
export function useDeleteEventType() {
  return useMutation(DeleteTypeDocument, { refetchQueries: ['ConsoleEventTypes'] });
}
