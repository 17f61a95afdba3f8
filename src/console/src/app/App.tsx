import { ApolloProvider, useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { Notice } from '../components/Notice';
import { graphql } from '../gql';
import { SignInPage } from '../pages/sign-in/SignInPage';
import { createApolloClient } from './apollo';
import { errorCode, errorMessage } from './errors';
import { Layout } from './Layout';
import { Routes } from './Routes';
import { setApiKey, useApiKey } from './session';
import { ViewerContext } from './viewer';

/** Which key this is: asked once per session, and by the sign-in page before keeping a key. */
export const ViewerDocument = graphql(`
  query ConsoleViewer {
    viewer {
      keyId
      name
      scopes
    }
  }
`);

/** The console: the sign-in page without a key, the pages with one. */
export function App() {
  const apiKey = useApiKey();
  if (!apiKey) return <SignInPage />;
  return <SignedIn apiKey={apiKey} />;
}

function SignedIn({ apiKey }: { apiKey: string }) {
  const apollo = useMemo(() => createApolloClient(apiKey), [apiKey]);
  useEffect(() => () => apollo.dispose(), [apollo]);
  return (
    <ApolloProvider client={apollo.client}>
      <WithViewer />
    </ApolloProvider>
  );
}

function WithViewer() {
  const { data, error } = useQuery(ViewerDocument);
  useEffect(() => {
    // A key revoked (or the server's admin key changed) since sign-in: back to the sign-in page.
    if (errorCode(error) === 'UNAUTHENTICATED') setApiKey(null);
  }, [error]);
  const viewer = useMemo(
    () => (data ? { name: data.viewer.name, scopes: data.viewer.scopes, canChange: data.viewer.scopes.includes('ADMIN') } : null),
    [data],
  );
  if (error) return <Notice tone="error">Could not reach hookwire: {errorMessage(error)}</Notice>;
  if (!viewer) return <p className="loading">Loading…</p>;
  return (
    <ViewerContext.Provider value={viewer}>
      <Layout>
        <Routes />
      </Layout>
    </ViewerContext.Provider>
  );
}
