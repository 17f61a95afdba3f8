import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

/** GraphQL on the origin that served the console: HTTP and WebSocket on one path. */
function endpoints(): { http: string; ws: string } {
  const { protocol, host } = window.location;
  return { http: '/graphql', ws: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql` };
}

/**
 * An Apollo Client that sends `apiKey` as the bearer header on HTTP and in graphql-ws
 * `connectionParams`; subscriptions go over the WebSocket, everything else over HTTP.
 * Call `dispose` to close the socket when the key changes.
 */
export function createApolloClient(apiKey: string): { client: ApolloClient; dispose(): void } {
  const { http, ws } = endpoints();
  const socket = createClient({ url: ws, connectionParams: { authorization: `Bearer ${apiKey}` }, lazy: true, retryAttempts: 5 });
  const auth = new SetContextLink((prev) => ({ headers: { ...prev.headers, authorization: `Bearer ${apiKey}` } }));
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(socket),
    auth.concat(new HttpLink({ uri: http })),
  );
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        Hook: { fields: { executionStats: { merge: true } } },
      },
    }),
  });
  return {
    client,
    dispose() {
      client.stop();
      void socket.dispose();
    },
  };
}
