import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useMemo } from 'react';
import { useApiKey } from '../../app/session';

const DEFAULT_QUERY = `# hookwire's API, with the key you signed in with.
query Hooks {
  hooks(first: 10) {
    nodes { id name url events executionStats { requestCount successCount } }
    totalCount
  }
}
`;

/** GraphiQL with a fetcher that sends the session's key on HTTP and in graphql-ws connectionParams. */
export default function GraphiQLPanel() {
  const apiKey = useApiKey() ?? '';
  const fetcher = useMemo(() => {
    const authorization = `Bearer ${apiKey}`;
    const { protocol, host } = window.location;
    return createGraphiQLFetcher({
      url: '/graphql',
      subscriptionUrl: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`,
      headers: { authorization },
      wsConnectionParams: { authorization },
    });
  }, [apiKey]);
  return <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />;
}
