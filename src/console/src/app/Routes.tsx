import { useEffect } from 'react';
import { ApiKeysPage } from '../pages/api-keys/ApiKeysPage';
import { EventTypesPage } from '../pages/event-types/EventTypesPage';
import { EventPage } from '../pages/events/EventPage';
import { EventsPage } from '../pages/events/EventsPage';
import { GraphiQLPage } from '../pages/graphiql/GraphiQLPage';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { CreateWebhookPage } from '../pages/create-webhook/CreateWebhookPage';
import { WebhookDetailsPage } from '../pages/webhook-details/WebhookDetailsPage';
import { WebhooksPage } from '../pages/webhooks/WebhooksPage';
import { match, navigate, usePath } from './router';

/** The console's pages by path (Logto's routes, below /console). */
export function Routes() {
  const path = usePath();
  useEffect(() => {
    if (path === '/') navigate('/overview', { replace: true });
  }, [path]);
  if (match('/webhooks', path)) return <WebhooksPage />;
  if (match('/webhooks/create', path)) return <CreateWebhookPage />;
  const details = match('/webhooks/:id/:tab', path) ?? match('/webhooks/:id/:tab/:deliveryId', path);
  if (details) return <WebhookDetailsPage id={details.id} tab={details.tab} deliveryId={details.deliveryId} />;
  const bare = match('/webhooks/:id', path);
  if (bare) {
    navigate(`/webhooks/${bare.id}/settings`, { replace: true });
    return null;
  }
  if (match('/api-keys', path)) return <ApiKeysPage />;
  if (match('/overview', path)) return <OverviewPage />;
  if (match('/events', path)) return <EventsPage />;
  const event = match('/events/:id', path);
  if (event) return <EventPage id={event.id} />;
  if (match('/event-types', path)) return <EventTypesPage />;
  if (match('/graphiql', path)) return <GraphiQLPage />;
  if (path === '/') return null;
  return (
    <section>
      <h1>Not found</h1>
      <p>There is no console page at {path}.</p>
    </section>
  );
}
