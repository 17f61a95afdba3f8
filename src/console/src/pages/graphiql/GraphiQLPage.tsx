import { lazy, Suspense } from 'react';

// GraphiQL is big: it is fetched (from hookwire, as its own chunk) only when this page opens.
const GraphiQLPanel = lazy(() => import('./GraphiQLPanel'));

/** GraphiQL, bundled, using the session's key: hookwire's offline replacement for Apollo's landing page. */
export function GraphiQLPage() {
  return (
    <section className="graphiql-page" aria-label="GraphiQL">
      <Suspense fallback={<p className="loading">Loading GraphiQL…</p>}>
        <GraphiQLPanel />
      </Suspense>
    </section>
  );
}
